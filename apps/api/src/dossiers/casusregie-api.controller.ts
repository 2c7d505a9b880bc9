import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  CasusregisseurChangeSchema,
  casusregisseurHistoryOf,
  DossierTimelineQuery,
  OpenDossierUseCase,
  NoConsentSchema,
  parseInput,
  ReassignCasusregisseurUseCase,
  RecordNoConsentUseCase,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { jsonSchemaOf } from '../openapi/json-schema';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';
import { isCoordinator, viewerOf } from '../agenda/viewer';
import { firstNoConsentAnswer, firstOr } from './no-consent-repeat';

/** Who directs a dossier, and handing its casusregie to someone else, over REST. */
@ApiTags('dossiers')
@Controller('api/dossiers')
export class CasusregieApiController {
  constructor(
    @Inject(OpenDossierUseCase) private readonly openDossier: OpenDossierUseCase,
    @Inject(ReassignCasusregisseurUseCase) private readonly reassign: ReassignCasusregisseurUseCase,
    @Inject(DossierTimelineQuery) private readonly pages: DossierTimelineQuery,
    @Inject(RecordNoConsentUseCase) private readonly noConsent: RecordNoConsentUseCase,
  ) {}

  @Post(':code/geen-instemming')
  @Roles('casusregisseur', 'coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that no adult family member consents, so casusregie that awaited consent does not start',
    description:
      'Only while casusregie awaits the consent (guide I.G). In the same transaction the dossier goes to ' +
      '"geen instemming", the casusregisseur’s appointment ends (and with it their access and the obligations ' +
      'that hung on it), and the aanmelder and the ICO’s coordinators get a mail (subject: the dossier code). ' +
      'The aanmelder may bring the dossier back to the ICO as often as the region allows.',
  })
  @ApiParam({ name: 'code', example: 'CO3-2026-0042' })
  @ApiBody({ schema: jsonSchemaOf(NoConsentSchema) })
  @ApiResponse({
    status: 200,
    description:
      '`{ code, establishedOn, returnsLeft }`; a retry with the same Idempotency-Key and body answers the same, ' +
      'although the appointment (and the access) ended with the first',
    content: {
      'application/json': { example: { code: 'CO3-2026-0042', establishedOn: '2026-12-10', returnsLeft: 2 } },
    },
  })
  @ApiResponse({
    status: 400,
    description: 'Bad input: `{ field, code, message, errors }` (field `establishedOn` or `note`)',
  })
  @ApiResponse({ status: 403, description: 'Not the dossier’s casusregisseur nor a coordinator' })
  @ApiResponse({ status: 404, description: 'Not found or not yours (the same answer)' })
  @ApiResponse({
    status: 422,
    description:
      'The rules refuse: `{ code, message, field? }` (casusregie runs already, another phase, a date in the future)',
  })
  @ApiResponse({
    status: 409,
    description: 'SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body',
  })
  @IdempotencyKeyHeader()
  async recordNoConsent(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const submissionKey = idempotencyKey(key);
    // A retried call whose first ended the appointment (and the access): the first answer.
    const answer = await firstOr(
      firstNoConsentAnswer(this.noConsent, principal, code, body, submissionKey),
      async () => {
        const dossier = await this.openDossier.execute({ principal, code, action: 'dossier.read', route });
        return this.noConsent.execute({
          actor: { ...viewerOf(principal, route), coordinator: isCoordinator(principal) },
          dossierId: dossier.id,
          noConsent: parseInput(NoConsentSchema, body),
          ...withKey(submissionKey),
        });
      },
    );
    return 'first' in answer ? answer.first : answer.done;
  }

  @Post(':code/casusregisseur')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hand the casusregie of a dossier to another casusregisseur of the region',
    description:
      'Reason `tijdelijk-naar-definitief` (temporary casusregie passing to a chain partner’s casusregisseur), ' +
      '`vertrek` (the casusregisseur leaves) or `andere` (with a note). In the same transaction the open ' +
      'obligations and their pending reminders go to the new casusregisseur, both get a mail (subject: the ' +
      'dossier code), and the previous one loses access to the dossier.',
  })
  @ApiParam({ name: 'code', example: 'CO3-2026-0042' })
  @ApiBody({ schema: jsonSchemaOf(CasusregisseurChangeSchema) })
  @ApiResponse({
    status: 200,
    description: '`{ code, changeId, fromPersonId, casusregisseurId, effectiveDate }`',
  })
  @ApiResponse({
    status: 400,
    description:
      'Bad input, or not a casusregisseur of the region: `{ field, code, message, errors }` (field `casusregisseurId`, `effectiveDate`, `reason`, `note`)',
  })
  @ApiResponse({ status: 403, description: 'Not a coordinator' })
  @ApiResponse({ status: 404, description: 'Not found (or not of this region)' })
  @ApiResponse({
    status: 409,
    description:
      'CASUSREGISSEUR_CHANGED: changed meanwhile; or SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body',
  })
  @ApiResponse({
    status: 422,
    description:
      'The rules refuse: `{ code, message, field? }` (no casusregie to hand over, the same person, a date in the future or before the current one began, `andere` without a note)',
  })
  @IdempotencyKeyHeader()
  async change(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const dossier = await this.openDossier.execute({ principal, code, action: 'dossier.read', route });
    return this.reassign.execute({
      actor: viewerOf(principal, route),
      dossierId: dossier.id,
      ...parseInput(CasusregisseurChangeSchema, body),
      ...withKey(idempotencyKey(key)),
    });
  }

  @Get(':code/casusregisseurs')
  @Authenticated()
  @ApiOperation({ summary: 'Who directed the dossier from when to when (need-to-know: the same 404)' })
  @ApiParam({ name: 'code', example: 'CO3-2026-0042' })
  @ApiResponse({
    status: 200,
    description: '`{ code, casusregisseurs: [{ name, from, until, reason }] }`, oldest first',
  })
  @ApiResponse({ status: 404, description: 'Not found or not yours (the same answer)' })
  async history(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
  ) {
    const dossier = await this.openDossier.execute({ principal, code, action: 'dossier.read', route });
    const detail = await this.pages.dossierDetail(dossier.id);
    return { code: dossier.code, casusregisseurs: casusregisseurHistoryOf(detail) };
  }
}
