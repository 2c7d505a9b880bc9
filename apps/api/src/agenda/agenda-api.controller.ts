import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  Headers,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AanmeldingFormQuery,
  AanmeldingSchema,
  AgendaQueries,
  AgenderingPreviewQuery,
  AgenderingSchema,
  CasusregieStartSchema,
  ConsulentSchema,
  CorrectCasusregieStartUseCase,
  DecisionSchema,
  DossierTimelineQuery,
  InputError,
  OpenDossierUseCase,
  parseInput,
  submissionKeyOf,
  RecordConsulentUseCase,
  RecordDecisionUseCase,
  SubmitAanmeldingUseCase,
  SubmitAgenderingUseCase,
  Viewer,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { jsonSchemaOf } from '../openapi/json-schema';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';
import { CurrentRoute, CurrentViewer } from '../web/current-viewer.decorator';
import { tooLarge, uploadFieldError, UploadRequest } from '../web/upload.middleware';
import { pick } from '../web/page-form';
import { isCoordinator, viewerOf } from './viewer';
import { consulentInvolvementOf, startCorrectionOf } from '../dossiers/dossier-commands';
import { KeysetPageQueries } from '../openapi/keyset-page-queries';

const refusal = { description: 'Refused: `{ statusCode, code, message, field? }`' };
const badInput = {
  description: 'Bad input: `{ statusCode, field, code, message, errors: [{ field, code, message }] }`',
};

/** The agenda as a REST API: the same use cases, validation and access rules as the pages. */
@ApiTags('agenda')
@Controller('api')
export class AgendaApiController {
  constructor(
    @Inject(SubmitAanmeldingUseCase) private readonly aanmelding: SubmitAanmeldingUseCase,
    @Inject(SubmitAgenderingUseCase) private readonly agendering: SubmitAgenderingUseCase,
    @Inject(AgenderingPreviewQuery) private readonly agenderingPreview: AgenderingPreviewQuery,
    @Inject(RecordDecisionUseCase) private readonly decisions: RecordDecisionUseCase,
    @Inject(RecordConsulentUseCase) private readonly consulent: RecordConsulentUseCase,
    @Inject(CorrectCasusregieStartUseCase)
    private readonly correctCasusregieStart: CorrectCasusregieStartUseCase,
    @Inject(OpenDossierUseCase) private readonly openDossier: OpenDossierUseCase,
    @Inject(AgendaQueries) private readonly queries: AgendaQueries,
    @Inject(DossierTimelineQuery) private readonly dossierPages: DossierTimelineQuery,
    @Inject(AanmeldingFormQuery) private readonly aanmeldingForm: AanmeldingFormQuery,
  ) {}

  @Get('organisations')
  @Authenticated()
  @ApiOperation({ summary: 'Partner organisations of the region (for the aanmelding form)' })
  async listOrganisations(@CurrentPrincipal() principal: Principal) {
    return {
      organisations: (await this.aanmeldingForm.organisationsOf(principal.regionId)).map(
        ({ id, kind, name }) => ({
          id,
          kind,
          name,
        }),
      ),
    };
  }

  @Post('aanmeldingen')
  @Roles('aanmelder')
  @ApiOperation({ summary: 'File an aanmelding: creates the dossier and places it on the ICO' })
  @ApiBody({ schema: jsonSchemaOf(AanmeldingSchema) })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A key of the client’s choosing (8–100 letters, digits, `-`, `_`): sent again by the same aanmelder, ' +
      'nothing new is filed and the answer is 200 with the first submission’s ids and `repeated: true`',
  })
  @ApiResponse({
    status: 201,
    description: '`{ dossierCode, agendaItemId, slot }`; the slot is provisional until the freeze',
  })
  @ApiResponse({
    status: 200,
    description: 'A repeated Idempotency-Key: `{ dossierId, dossierCode, agendaItemId, repeated: true }`',
  })
  @ApiResponse({ status: 400, ...badInput })
  async createAanmelding(
    @CurrentViewer() actor: Viewer,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.aanmelding.execute({
      actor,
      aanmelding: parseInput(this.aanmelding.schema(), body),
      ...(key !== undefined && { submissionKey: submissionKeyOf(key, 'Idempotency-Key') }),
    });
    if (result.repeated) res.status(200);
    return result;
  }

  @Get('agendering/preview')
  @Roles('casusregisseur', 'aanmelder', 'coordinator')
  @ApiOperation({ summary: 'The session an agendering made now lands on, and its deadline' })
  @ApiQuery({ name: 'table', required: true })
  @ApiQuery({ name: 'type', required: true })
  async preview(@Query('table') table: string, @Query('type') type: string) {
    const preview = await this.agenderingPreview.preview(String(table ?? ''), String(type ?? ''));
    if (!preview)
      throw new NotFoundException({
        field: 'type',
        code: 'UNKNOWN_ITEM_TYPE',
        message: 'Onbekende tafel of soort agendapunt.',
      });
    return preview;
  }

  @Post('agenderingen')
  @Roles('casusregisseur', 'aanmelder', 'coordinator')
  @ApiOperation({ summary: 'Put an own dossier on the Weegploeg, the Ronde Tafel or back on the ICO' })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: jsonSchemaOf(AgenderingSchema, {
      document: { type: 'string', format: 'binary', description: 'PDF, DOCX or ODT, at most 10 MB' },
    }),
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A key of the client’s choosing (8–100 letters, digits, `-`, `_`): sent again by the same person with ' +
      'the same body, nothing new is made and the answer is 200 with the first agendering and `repeated: true`; ' +
      'with another body it is a 409',
  })
  @ApiResponse({
    status: 201,
    description:
      '`{ agendaItemId, dossierCode, slot, planVersion? }` (the plan van aanpak version frozen for the item)',
  })
  @ApiResponse({
    status: 200,
    description: 'A repeated Idempotency-Key: the first agendering, `repeated: true`',
  })
  @ApiResponse({ status: 400, ...badInput })
  @ApiResponse({
    status: 401,
    description: 'No session: answered before the body is read (multipart), with `Connection: close`',
  })
  @ApiResponse({ status: 403, description: 'No agendering role, or the `x-csrf-token` header does not hold' })
  @ApiResponse({ status: 404, ...refusal })
  @ApiResponse({ status: 409, ...refusal })
  @ApiResponse({
    status: 413,
    description:
      'The document is over 10 MB (or the body declares more): `{ statusCode, field: document, code: TOO_LARGE }`',
  })
  @ApiResponse({ status: 422, ...refusal })
  @ApiResponse({
    status: 429,
    description:
      'This person already has two uploads in flight: `Retry-After` in seconds, `code: TOO_MANY_UPLOADS`',
  })
  async createAgendering(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Body() body: Record<string, unknown>,
    @Req() req: UploadRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (req.uploadError === 'TOO_LARGE') throw tooLarge();
    if (req.uploadError) throw new InputError([uploadFieldError(req.uploadError)]);
    const submissionKey = key !== undefined ? submissionKeyOf(key, 'Idempotency-Key') : undefined;
    const result = await this.agendering.execute({
      actor: { ...viewer, isCoordinator: isCoordinator(principal) },
      agendering: parseInput(AgenderingSchema, normalizeGuests(body ?? {})),
      ...(req.upload && { document: req.upload }),
      ...(submissionKey && { submissionKey }),
    });
    if (result.repeated) res.status(200);
    return result;
  }

  @Get('tables/:key/agenda')
  @Roles('coordinator', 'member')
  @ApiOperation({ summary: 'Coming sessions of a table with fill level and status' })
  async tableAgenda(@CurrentViewer() viewer: Viewer, @Param('key') key: string) {
    return {
      table: key,
      sessions: await this.queries.tableSessions(viewer, key),
    };
  }

  @Get('sessions/:id/agenda')
  @Roles('coordinator', 'member')
  @ApiOperation({ summary: 'A session’s agenda; members see codes, types and times, not contents' })
  async sessionAgenda(@CurrentViewer() viewer: Viewer, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.queries.sessionAgenda(viewer, id);
  }

  @Post('agenda-items/:id/decision')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Record the table’s decision on an item; drives the dossier’s phase' })
  @ApiBody({ schema: jsonSchemaOf(DecisionSchema) })
  @ApiResponse({ status: 201, description: '`{ decisionId, dossierCode, phase, followUpItemId? }`' })
  @ApiResponse({ status: 400, ...badInput })
  @ApiResponse({ status: 409, ...refusal })
  @ApiResponse({
    status: 422,
    description:
      'Refused by the rules: an illegal transition, a wrong field (e.g. `vervolgoverlegDate`, ' +
      '`bijkomendCasusoverlegDate`), `AANMELDER_NOT_ELIGIBLE` for "zonder casusregisseur": ' +
      '`{ code, message, field? }`',
  })
  @IdempotencyKeyHeader()
  async decide(
    @CurrentViewer() actor: Viewer,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const submissionKey = idempotencyKey(key);
    return this.decisions.execute({
      actor,
      itemId: id,
      decision: parseInput(DecisionSchema, body),
      ...(submissionKey && { submissionKey }),
    });
  }

  @Get('casusregie-capaciteit')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Casusregisseurs per organisation and the dossiers they carry' })
  async capacityOverview(@CurrentPrincipal() principal: Principal) {
    return { casusregisseurs: await this.queries.casusregieCapacity(principal.regionId) };
  }

  @Get('dossiers/:code/timeline')
  @Authenticated()
  @ApiOperation({
    summary: 'Everything that happened to a dossier and what is planned, fifty entries a page, newest first',
  })
  @KeysetPageQueries()
  @ApiResponse({ status: 200, description: '`{ code, phase, items, total, next, previous }`' })
  @ApiResponse({ status: 400, description: 'a bad `after`, `before` or `limit`, naming the field' })
  @ApiResponse({ status: 404, description: 'Not found or not yours (the same answer)' })
  async timeline(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
  ) {
    const dossier = await this.openDossier.execute({
      principal,
      code,
      action: 'dossier.timeline.read',
      route,
    });
    const { timeline, links } = await this.dossierPages.timeline(
      dossier.id,
      pick(query, ['after', 'before', 'limit']),
    );
    return { code: dossier.code, phase: dossier.phase, items: timeline, ...links };
  }

  @Post('dossiers/:code/consulent')
  @Roles('casusregisseur', 'coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record that an OCJ/SDJ consulent is involved since a date, or no longer (re-plans the alignment)',
  })
  @ApiBody({ schema: jsonSchemaOf(ConsulentSchema) })
  @ApiResponse({ status: 200, description: '`{ code, consulent: { involved, since, email } }`' })
  @ApiResponse({ status: 400, ...badInput })
  @ApiResponse({ status: 403, description: 'Not the dossier’s casusregisseur: `{ code, message }`' })
  @ApiResponse({ status: 404, description: 'Not found or not yours (the same answer)' })
  @ApiResponse({ status: 422, ...refusal })
  @ApiResponse({
    status: 409,
    description: 'SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body (`{ code, message }`)',
  })
  @IdempotencyKeyHeader()
  async recordConsulent(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const dossier = await this.openDossier.execute({
      principal,
      code,
      action: 'dossier.read',
      route,
    });
    const consulent = await this.consulent.execute({
      actor: { ...viewerOf(principal, route), coordinator: isCoordinator(principal) },
      dossierId: dossier.id,
      involvement: consulentInvolvementOf(body),
      ...withKey(idempotencyKey(key)),
    });
    return { code: dossier.code, consulent };
  }

  @Post('dossiers/:code/casusregie-start')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Correct the start date of casusregie (re-plans the obligations that hang on it)',
  })
  @ApiBody({ schema: jsonSchemaOf(CasusregieStartSchema) })
  @ApiResponse({ status: 200, description: '`{ code, casusregieStartDate, changed }`' })
  @ApiResponse({ status: 400, ...badInput })
  @ApiResponse({ status: 404, description: 'Not found (or not of this region)' })
  @ApiResponse({ status: 422, description: 'The date breaks a rule: `{ code, message, field }`' })
  @ApiResponse({
    status: 409,
    description: 'SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body (`{ code, message }`)',
  })
  @IdempotencyKeyHeader()
  async correctStart(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const dossier = await this.openDossier.execute({
      principal,
      code,
      action: 'dossier.read',
      route,
    });
    return this.correctCasusregieStart.execute({
      actor: viewerOf(principal, route),
      dossierId: dossier.id,
      ...startCorrectionOf(body),
      ...withKey(idempotencyKey(key)),
    });
  }
}

/** Guests arrive as JSON arrays, or from a form as guests[0][kind]… (already nested by the body parser). */
export function normalizeGuests(body: Record<string, unknown>): Record<string, unknown> {
  const guests = body.guests;
  if (guests && typeof guests === 'object' && !Array.isArray(guests)) {
    return { ...body, guests: Object.values(guests as Record<string, unknown>) };
  }
  if (typeof guests === 'string') {
    try {
      return { ...body, guests: JSON.parse(guests) as unknown };
    } catch {
      return { ...body, guests: 'ongeldig' };
    }
  }
  return body;
}
