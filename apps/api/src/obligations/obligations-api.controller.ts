import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CoordinationOverviewUseCase,
  ListDossierObligationsUseCase,
  ListMyObligationsUseCase,
  MarkObligationDoneUseCase,
  OpenDossierUseCase,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { statusOf } from '../web/error-status';
import { noteOf } from './obligation-form';

/** The OpenAPI schema object type, as @nestjs/swagger takes it (its interfaces are not exported). */
type SchemaObject = Extract<
  NonNullable<Extract<Parameters<typeof ApiBody>[0], { schema?: unknown }>['schema']>,
  { type?: unknown }
>;

const obligationSchema: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    dossierCode: { type: 'string', example: 'CO3-2026-0042' },
    ruleKey: { type: 'string', example: 'eerste-plan-van-aanpak' },
    sequence: { type: 'integer' },
    label: { type: 'string' },
    optional: { type: 'boolean' },
    status: { type: 'string', enum: ['open', 'fulfilled', 'cancelled'] },
    dueAt: { type: 'string', format: 'date-time', example: '2026-04-27T12:00:00.000+02:00' },
    dueDate: { type: 'string', format: 'date' },
    overdue: { type: 'boolean' },
    sessionKey: { type: 'string', nullable: true, example: 'weegploeg:2026-05-05' },
    manual: { type: 'boolean', description: 'done by hand with a note, not by agendering' },
    agenderingUrl: {
      type: 'string',
      nullable: true,
      example: '/agendering/nieuw?dossier=CO3-2026-0042&tafel=weegploeg&type=plan-van-aanpak',
    },
    fulfilForm: {
      type: 'object',
      nullable: true,
      description: 'the dossier-page form that records what fulfils it (consent, children heard, …)',
      properties: {
        url: { type: 'string', example: '/dossiers/CO3-2026-0042#instemming' },
        label: { type: 'string', example: 'Instemming registreren' },
      },
    },
  },
};

const refusalSchema: SchemaObject = {
  type: 'object',
  properties: { code: { type: 'string' }, message: { type: 'string' } },
};

/** The follow-up obligations over REST: own list, the manual "done", per dossier, the dashboard. */
@ApiTags('opvolging')
@Controller('api')
export class ObligationsApiController {
  constructor(
    @Inject(ListMyObligationsUseCase) private readonly myObligations: ListMyObligationsUseCase,
    @Inject(MarkObligationDoneUseCase) private readonly markDone: MarkObligationDoneUseCase,
    @Inject(ListDossierObligationsUseCase) private readonly dossierObligations: ListDossierObligationsUseCase,
    @Inject(CoordinationOverviewUseCase) private readonly overview: CoordinationOverviewUseCase,
    @Inject(OpenDossierUseCase) private readonly openDossier: OpenDossierUseCase,
  ) {}

  @Get('opvolging')
  @Roles('casusregisseur', 'coordinator', 'strategisch-coordinator', 'member', 'aanmelder')
  @ApiOperation({
    summary: 'My open follow-up obligations, by due date',
    description:
      'Owned as casusregisseur of the dossier, as coordinator of the table that owns them, or as strategic coordinator (the quality check).',
  })
  @ApiResponse({
    status: 200,
    schema: { type: 'object', properties: { obligations: { type: 'array', items: obligationSchema } } },
  })
  async mine(@CurrentPrincipal() principal: Principal, @CurrentRoute() route: string) {
    return { obligations: await this.myObligations.execute(principal, { route }) };
  }

  @Post('opvolging/:id/afgerond')
  @HttpCode(200)
  @Roles('casusregisseur', 'coordinator', 'member', 'aanmelder')
  @ApiOperation({
    summary: 'Mark an obligation done, with a note',
    description:
      'The owner, for obligations done by hand (alignment with the consulent, the six-month check); a coordinator of the obligation’s tables, for any obligation.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({
    schema: { type: 'object', required: ['note'], properties: { note: { type: 'string', maxLength: 2000 } } },
  })
  @ApiResponse({
    status: 200,
    schema: { type: 'object', properties: { ok: { type: 'boolean' }, obligationId: { type: 'string' } } },
  })
  @ApiResponse({
    status: 400,
    description: 'FULFILMENT_NOTE_REQUIRED or FULFILMENT_NOTE_TOO_LONG',
    schema: refusalSchema,
  })
  @ApiResponse({ status: 403, description: 'MANUAL_FULFILMENT_NOT_ALLOWED', schema: refusalSchema })
  @ApiResponse({
    status: 404,
    description: 'OBLIGATION_NOT_FOUND (also when it is not yours)',
    schema: refusalSchema,
  })
  @ApiResponse({ status: 409, description: 'OBLIGATION_NOT_OPEN', schema: refusalSchema })
  async done(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: { note?: unknown },
  ) {
    const result = await this.markDone.execute(principal, {
      obligationId: id,
      note: noteOf(body),
      route,
    });
    if (!result.ok)
      throw new HttpException({ code: result.code, message: result.message }, statusOf(result.kind));
    return { ok: true, obligationId: result.obligationId };
  }

  @Get('opvolging/dossiers/:code')
  @Authenticated()
  @ApiOperation({
    summary: 'Every obligation of one dossier, done, open and cancelled (the dossier timeline)',
    description: 'Need-to-know: the same 404 for an unknown dossier and for one that is not yours.',
  })
  @ApiParam({ name: 'code', example: 'CO3-2026-0042' })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      properties: {
        dossierCode: { type: 'string' },
        obligations: { type: 'array', items: obligationSchema },
      },
    },
  })
  @ApiResponse({ status: 404, description: 'unknown, or not yours' })
  async forDossier(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
  ) {
    const dossier = await this.openDossier.execute({
      principal,
      code,
      action: 'obligation.read',
      route,
    });
    return {
      dossierCode: dossier.code,
      obligations: await this.dossierObligations.execute({ dossierId: dossier.id }),
    };
  }

  @Get('coordinatie/dashboard')
  @Roles('coordinator')
  @ApiOperation({
    summary:
      'Coordinators: overdue obligations per casusregisseur and organisation, the next 30 days, session load per table',
  })
  @ApiResponse({
    status: 200,
    schema: {
      type: 'object',
      properties: {
        now: { type: 'string', format: 'date-time' },
        overdueByCasusregisseur: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              casusregisseurId: { type: 'string', nullable: true },
              name: { type: 'string' },
              organisation: { type: 'string' },
              obligations: { type: 'array', items: obligationSchema },
            },
          },
        },
        overdueByOrganisation: {
          type: 'array',
          items: {
            type: 'object',
            properties: { organisation: { type: 'string' }, count: { type: 'integer' } },
          },
        },
        next30Days: { type: 'array', items: obligationSchema },
        tables: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              key: { type: 'string' },
              name: { type: 'string' },
              sessions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    key: { type: 'string' },
                    date: { type: 'string', format: 'date' },
                    status: { type: 'string', enum: ['open', 'cancelled'] as string[] },
                    capacityMinutes: { type: 'integer' },
                    usedMinutes: { type: 'integer' },
                    percent: { type: 'integer' },
                  },
                },
              },
            },
          },
        },
      },
    },
  })
  async dashboard(@CurrentPrincipal() principal: Principal, @CurrentRoute() route: string) {
    return this.overview.execute(principal, { route });
  }
}
