import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import {
  ChildHearingSchema,
  ChildrenHeardQuery,
  ConsentSchema,
  ConsulentConsultationSchema,
  DOSSIER_PAGE_MAX,
  DOSSIER_PAGE_SIZE,
  DossierRecord,
  ListDossiersUseCase,
  OpenDossierUseCase,
  parseInput,
  RecordChildHearingUseCase,
  RecordConsentUseCase,
  RecordConsulentConsultationUseCase,
  regionTimeZone,
  scopedRegion,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { awaitsConsent, type DossierLife, regionPhaseLabel } from '@overlegtafels/domain';
import { jsonSchemaOf } from '../openapi/json-schema';
import { isCoordinator, viewerOf } from '../agenda/viewer';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { IdempotencyKeyHeader, idempotencyKey, withKey } from '../web/submission-key';

interface DossierJsonFacts {
  code: string;
  /** The key of the region's phase; `phaseLabel` is what a user reads. */
  phase: string;
  phaseLabel: string;
  casusregisseurName: string | null;
  /** A DATE column (UTC midnight) or its day. */
  casusregieStartDate: Date | string | null;
  afrondingDate: Date | string | null;
  awaitingConsent: boolean;
}

const day = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? d : d.toISOString().slice(0, 10);

export function dossierJson(d: DossierJsonFacts) {
  return {
    code: d.code,
    phase: d.phase,
    phaseLabel: d.phaseLabel,
    /** Casusregie "in afwachting van instemming" (no start until the consent is recorded). */
    awaitingConsent: d.awaitingConsent,
    casusregisseur: d.casusregisseurName,
    casusregieStartDate: day(d.casusregieStartDate),
    afrondingDate: day(d.afrondingDate),
  };
}

/** One dossier with what the casusregisseur verified (guide III.B, annex B). */
function dossierDetailJson(d: DossierRecord, zone: string, life: DossierLife) {
  const awaitingConsent = awaitsConsent(life, {
    phase: d.phase,
    ...(d.casusregieStartDate && { casusregieStartDate: d.casusregieStartDate }),
  });
  return {
    ...dossierJson({ ...d, phaseLabel: regionPhaseLabel(life, d.phase), awaitingConsent }),
    casusregiePlannedStartDate: d.casusregiePlannedStartDate,
    consent: d.consentVerifiedAt
      ? {
          givenBy: d.consentGivenBy,
          verifiedOn: DateTime.fromJSDate(d.consentVerifiedAt, { zone }).toISODate(),
        }
      : null,
    childrenOver12: d.childrenOver12,
    consulent: { involved: d.consulentInvolved, consultedAboutAfrondingOn: d.consulentConsultedOn },
    /** The traject a table chose (a key of the region's dossier life), null when none was. */
    traject: d.traject,
  };
}

const badInput = {
  description: 'Bad input: `{ statusCode, field, code, message, errors: [{ field, code, message }] }`',
};
const refusal = { description: 'Refused by the rules: `{ statusCode, code, message, field? }`' };
const notYours = { description: 'Not found or not yours (the same answer)' };
const notCasusregisseur = { description: 'Not the dossier’s casusregisseur: `{ code, message }`' };

/**
 * Dossiers as a REST API: the list, one dossier, and what the casusregisseur records on it. The
 * same use cases, validation and access rules as the dossier page.
 */
@ApiTags('dossiers')
@Controller('api/dossiers')
export class DossiersController {
  /** The time zone of the region the work runs in (the actor's). */
  private zone(): string {
    return regionTimeZone(this.config);
  }

  constructor(
    @Inject(ListDossiersUseCase) private readonly listDossiers: ListDossiersUseCase,
    @Inject(OpenDossierUseCase) private readonly openDossier: OpenDossierUseCase,
    @Inject(RecordConsentUseCase) private readonly consent: RecordConsentUseCase,
    @Inject(RecordChildHearingUseCase) private readonly childHearing: RecordChildHearingUseCase,
    @Inject(ChildrenHeardQuery) private readonly children: ChildrenHeardQuery,
    @Inject(RecordConsulentConsultationUseCase)
    private readonly consultation: RecordConsulentConsultationUseCase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  // Everyone who may see a dossier at all; the beheerder and the data-protection officer never do
  // (issue #14): they are refused, not given an empty list.
  @Roles('coordinator', 'casusregisseur', 'aanmelder', 'strategisch-coordinator', 'member')
  @ApiOperation({
    summary: 'The dossiers the person may see, a page at a time',
    description:
      'Running dossiers first, newest first, then the ended ones (geen ketenaanpak, afgesloten). ' +
      '`total` counts every dossier that matches; `next` is the `after` of the next page and is ' +
      'absent on the last one. Every filter is optional; together they narrow the list.',
  })
  @ApiQuery({
    name: 'code',
    required: false,
    description: 'Part of the dossier code, any case',
    example: '2026-00',
  })
  @ApiQuery({
    name: 'phase',
    required: false,
    description: "A phase key of the region's dossier life; another is a 400 naming `phase`",
  })
  @ApiQuery({ name: 'casusregisseur', required: false, description: 'Id of the casusregisseur' })
  @ApiQuery({
    name: 'table',
    required: false,
    description: "With an agenda item on this table (a table key of the region's configuration)",
  })
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'Made on or after this day (Brussels)',
    example: '2026-01-01',
  })
  @ApiQuery({
    name: 'to',
    required: false,
    description: 'Made on or before this day (Brussels)',
    example: '2026-12-31',
  })
  @ApiQuery({ name: 'after', required: false, description: 'The `next` of the previous page' })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: `1 to ${DOSSIER_PAGE_MAX}, default ${DOSSIER_PAGE_SIZE}`,
  })
  @ApiResponse({ status: 400, ...badInput })
  async list(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Query() query: Record<string, unknown>,
  ) {
    const page = await this.listDossiers.execute(principal, route, query);
    const life = scopedRegion(this.config).dossierLife;
    return {
      dossiers: page.dossiers.map((d) => dossierJson({ ...d, phaseLabel: regionPhaseLabel(life, d.phase) })),
      total: page.total,
      ...(page.next && { next: page.next }),
    };
  }

  @Get(':code')
  @Authenticated()
  @ApiOperation({ summary: 'One dossier: phase, casusregie, consent, children over 12, consulent' })
  @ApiResponse({ status: 404, ...notYours })
  async read(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
  ) {
    const dossier = await this.open(principal, route, code);
    return dossierDetailJson(dossier, this.zone(), scopedRegion(this.config).dossierLife);
  }

  @Post(':code/instemming')
  @Roles('casusregisseur', 'coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the consent of an adult family member (who, when); starts casusregie that awaited it',
  })
  @ApiBody({ schema: jsonSchemaOf(ConsentSchema) })
  @ApiResponse({
    status: 200,
    description: '`{ code, consent: { givenBy, verifiedOn }, casusregieStartDate, started }`',
  })
  @ApiResponse({ status: 400, ...badInput })
  @ApiResponse({ status: 403, ...notCasusregisseur })
  @ApiResponse({ status: 404, ...notYours })
  @ApiResponse({
    status: 409,
    description:
      'Already recorded, the dossier is not in casusregie, or SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body',
  })
  @ApiResponse({ status: 422, ...refusal })
  @IdempotencyKeyHeader()
  async recordConsent(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const dossier = await this.open(principal, route, code);
    return this.consent.execute({
      actor: this.actor(principal, route),
      dossierId: dossier.id,
      consent: parseInput(ConsentSchema, body),
      ...withKey(idempotencyKey(key)),
    });
  }

  @Get(':code/kinderen')
  @Authenticated()
  @ApiOperation({ summary: 'The children over 12: how many, each one heard (or why not), all accounted for' })
  @ApiResponse({
    status: 200,
    description: '`{ code, expected, children: [{ label, heardOn? , notHeardReason? }], allAccountedFor }`',
  })
  @ApiResponse({ status: 404, ...notYours })
  async readChildren(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
  ) {
    const dossier = await this.open(principal, route, code);
    return this.children.of(dossier.id);
  }

  @Post(':code/kinderen')
  @Roles('casusregisseur', 'coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that a child over 12 was heard on a day, or why not (the same label replaces it)',
  })
  @ApiBody({ schema: jsonSchemaOf(ChildHearingSchema) })
  @ApiResponse({ status: 200, description: '`{ code, expected, children, allAccountedFor }`' })
  @ApiResponse({ status: 400, ...badInput })
  @ApiResponse({ status: 403, ...notCasusregisseur })
  @ApiResponse({ status: 404, ...notYours })
  @ApiResponse({
    status: 409,
    description:
      'The dossier is not in casusregie, or SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body',
  })
  @ApiResponse({ status: 422, ...refusal })
  @IdempotencyKeyHeader()
  async recordChild(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const dossier = await this.open(principal, route, code);
    return this.childHearing.execute({
      actor: this.actor(principal, route),
      dossierId: dossier.id,
      hearing: parseInput(ChildHearingSchema, body),
      ...withKey(idempotencyKey(key)),
    });
  }

  @Post(':code/consulent-afronding')
  @Roles('casusregisseur', 'coordinator')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the OCJ/SDJ consulent was consulted about the afronding (date, note)',
  })
  @ApiBody({ schema: jsonSchemaOf(ConsulentConsultationSchema) })
  @ApiResponse({ status: 200, description: '`{ code, consultedOn }`' })
  @ApiResponse({ status: 400, ...badInput })
  @ApiResponse({ status: 403, ...notCasusregisseur })
  @ApiResponse({ status: 404, ...notYours })
  @ApiResponse({
    status: 409,
    description:
      'No consulent involved, the dossier is not in casusregie, or SUBMISSION_KEY_REUSED: the Idempotency-Key again with another body',
  })
  @ApiResponse({ status: 422, ...refusal })
  @IdempotencyKeyHeader()
  async recordConsultation(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const dossier = await this.open(principal, route, code);
    return this.consultation.execute({
      actor: this.actor(principal, route),
      dossierId: dossier.id,
      consultation: parseInput(ConsulentConsultationSchema, body),
      ...withKey(idempotencyKey(key)),
    });
  }

  /** Need-to-know and the audit of the read, the same 404 for "does not exist" and "not yours". */
  private open(principal: Principal, route: string, code: string): Promise<DossierRecord> {
    return this.openDossier.execute({ principal, code, action: 'dossier.read', route });
  }

  private actor(principal: Principal, route: string) {
    return { ...viewerOf(principal, route), coordinator: isCoordinator(principal) };
  }
}
