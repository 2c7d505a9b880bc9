import { Body, Controller, Get, Header, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  AgendaQueries,
  ChildHearingSchema,
  ConsentSchema,
  ConsulentConsultationSchema,
  NoConsentSchema,
  RecordNoConsentUseCase,
  AgendaService,
  CasusregisseurChangeSchema,
  CorrectCasusregieStartUseCase,
  DossierMinutesQuery,
  type DossierRecord,
  DossierTimelineQuery,
  OpenDossierUseCase,
  parseInput,
  ReassignCasusregisseurUseCase,
  RecordChildHearingUseCase,
  RecordConsentUseCase,
  RecordConsulentConsultationUseCase,
  RecordConsulentUseCase,
  ReopenDossierUseCase,
  RiskPictureQuery,
} from '@overlegtafels/application';
import { Authenticated, CurrentPrincipal, hasRole, Principal, Roles } from '@overlegtafels/auth';
import {
  CASUSREGISSEUR_CHANGE_REASON_LABELS,
  CASUSREGISSEUR_CHANGE_REASONS,
  DECISION_KIND_LABELS,
  phaseFacts,
} from '@overlegtafels/domain';
import { CLOCK, Clock } from '@overlegtafels/config';
import { dutchDate } from '@overlegtafels/mail';
import { DateTime } from 'luxon';
import { reportsOf } from './dossier-reports';
import { isCoordinator } from '../agenda/viewer';
import { failedForm, FailedForm, noticeFor, PageForms, pick } from '../web/page-form';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { PageService } from '../web/page.service';
import { listsOf, pagedList, pageFieldsOf } from './dossier-page-lists';
import { consulentInvolvementOf, day, startCorrectionOf } from './dossier-commands';
import { decisionViews } from './dossier-decisions';
import { agendaItemViews } from './dossier-items';
import { NOTICES } from './dossier-page-notices';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { firstNoConsentAnswer, firstOr } from './no-consent-repeat';
import { casusregisseurLeft } from './casusregisseur-left';

/**
 * A dossier's page: what happened and what is planned, the aanmelding's answers, the agendapunten
 * with their documents. Only for whoever has full access (need-to-know); everyone else gets the
 * same "not found" as for a code that does not exist. Every look is audited.
 */
@Controller('dossiers')
export class DossierPageController {
  constructor(
    @Inject(OpenDossierUseCase) private readonly openDossier: OpenDossierUseCase,
    @Inject(DossierTimelineQuery) private readonly queries: DossierTimelineQuery,
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(PageService) private readonly pages: PageService,
    @Inject(RecordConsulentUseCase) private readonly recordConsulent: RecordConsulentUseCase,
    @Inject(CorrectCasusregieStartUseCase)
    private readonly correctCasusregieStart: CorrectCasusregieStartUseCase,
    @Inject(ReassignCasusregisseurUseCase) private readonly reassign: ReassignCasusregisseurUseCase,
    @Inject(AgendaQueries) private readonly agendaQueries: AgendaQueries,
    @Inject(RecordConsentUseCase) private readonly recordConsent: RecordConsentUseCase,
    @Inject(RecordNoConsentUseCase) private readonly recordNoConsent: RecordNoConsentUseCase,
    @Inject(RecordChildHearingUseCase) private readonly recordChildHearing: RecordChildHearingUseCase,
    @Inject(RecordConsulentConsultationUseCase)
    private readonly recordConsultation: RecordConsulentConsultationUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RiskPictureQuery) private readonly riskPictures: RiskPictureQuery,
    @Inject(ReopenDossierUseCase) private readonly reopen: ReopenDossierUseCase,
    @Inject(DossierMinutesQuery) private readonly minutesOf: DossierMinutesQuery,
  ) {}

  @Get(':code')
  @Authenticated()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    // The same answer for "does not exist" and "not yours".
    const dossier = await this.openDossier.execute({
      principal,
      code,
      action: 'dossier.read',
      route,
    });
    const notice = noticeFor(NOTICES, typeof query.melding === 'string' ? query.melding : undefined);
    return this.render(principal, dossier, notice, undefined, query);
  }

  /**
   * The casusregisseur (or a coordinator) records the OCJ/SDJ consulent's involvement; a reload or
   * a double click of one form records and audits it once (issue #15).
   */
  @Post(':code/consulent')
  @Roles('casusregisseur', 'coordinator')
  async consulent(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['involved', 'since', 'email']);
    await this.submit(principal, route, code, 'consulent', values, res, (actor, dossierId) =>
      this.recordConsulent.execute({
        actor: { ...actor, coordinator: isCoordinator(principal) },
        dossierId,
        involvement: consulentInvolvementOf(values),
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  /** The casusregisseur (or a coordinator) records the consent of an adult family member. */
  @Post(':code/instemming')
  @Roles('casusregisseur', 'coordinator')
  async consent(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['givenBy', 'verifiedOn', 'adultFamilyMember']);
    await this.submit(principal, route, code, 'instemming', values, res, (actor, dossierId) =>
      this.recordConsent.execute({
        actor: { ...actor, coordinator: isCoordinator(principal) },
        dossierId,
        consent: parseInput(ConsentSchema, values),
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  /** The casusregisseur (or a coordinator) records that no adult family member consents. */
  @Post(':code/geen-instemming')
  @Roles('casusregisseur', 'coordinator')
  async noConsent(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['establishedOn', 'note']);
    // The casusregisseur's appointment ends with it, and their access: they land on their tasks.
    const away = isCoordinator(principal) ? undefined : '/opvolging?melding=geen-instemming';
    const key = formSubmissionKey(body);
    const work = (actor: { personId: string; regionId: string; route: string }, dossierId: string) =>
      this.recordNoConsent.execute({
        actor: { ...actor, coordinator: isCoordinator(principal) },
        dossierId,
        noConsent: parseInput(NoConsentSchema, values),
        ...withKey(key),
      });
    // A reload or a double click of the form that ended the access lands where the first did.
    const first = firstNoConsentAnswer(this.recordNoConsent, principal, code, values, key);
    const answer = await firstOr(first, () =>
      this.submit(principal, route, code, 'geen-instemming', values, res, work, away),
    );
    if ('first' in answer)
      res.redirect(303, away ?? `/dossiers/${code}?melding=geen-instemming#geen-instemming`);
  }

  /** The casusregisseur (or a coordinator) records that a child over 12 was heard, or why not. */
  @Post(':code/kinderen')
  @Roles('casusregisseur', 'coordinator')
  async child(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['label', 'heard', 'heardOn', 'notHeardReason']);
    await this.submit(principal, route, code, 'kinderen', values, res, (actor, dossierId) =>
      this.recordChildHearing.execute({
        actor: { ...actor, coordinator: isCoordinator(principal) },
        dossierId,
        hearing: parseInput(ChildHearingSchema, values),
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  /** The casusregisseur (or a coordinator) records that the consulent was consulted about the afronding. */
  @Post(':code/consulent-afronding')
  @Roles('casusregisseur', 'coordinator')
  async consultation(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['consultedOn', 'note']);
    await this.submit(principal, route, code, 'consulent-afronding', values, res, (actor, dossierId) =>
      this.recordConsultation.execute({
        actor: { ...actor, coordinator: isCoordinator(principal) },
        dossierId,
        consultation: parseInput(ConsulentConsultationSchema, values),
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  /**
   * A coordinator corrects the start date of casusregie; a reload or a double click of one form
   * corrects and audits once (issue #15).
   */
  @Post(':code/casusregie-start')
  @Roles('coordinator')
  async correctStart(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['startDate', 'reason']);
    await this.submit(principal, route, code, 'startdatum', values, res, (actor, dossierId) =>
      this.correctCasusregieStart.execute({
        actor,
        dossierId,
        ...startCorrectionOf(values),
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  /** A coordinator hands the casusregie to another casusregisseur of the region. */
  @Post(':code/casusregisseur')
  @Roles('coordinator')
  async changeCasusregisseur(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['casusregisseurId', 'effectiveDate', 'reason', 'note']);
    await this.submit(principal, route, code, 'casusregisseur', values, res, (actor, dossierId) =>
      this.reassign.execute({
        actor,
        dossierId,
        ...parseInput(CasusregisseurChangeSchema, values),
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  /**
   * A form of the dossier page: the dossier is opened as for reading (need-to-know, audited, the
   * same 404), the work done, and either back to the page with a notice or the page again with the
   * form's errors and what was typed.
   */
  private async submit(
    principal: Principal,
    route: string,
    code: string,
    form: keyof typeof NOTICES,
    values: Record<string, string>,
    res: Response,
    work: (
      actor: { personId: string; regionId: string; route: string },
      dossierId: string,
    ) => Promise<unknown>,
    /** Where to go when done, when not back to the dossier (someone who lost access to it). */
    away?: string,
  ): Promise<void> {
    const dossier = await this.openDossier.execute({
      principal,
      code,
      action: 'dossier.read',
      route,
    });
    try {
      await work({ personId: principal.personId, regionId: principal.regionId, route }, dossier.id);
      res.redirect(303, away ?? `/dossiers/${dossier.code}?melding=${form}#${form}`);
    } catch (error) {
      const failed = failedForm(form, values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(principal, dossier, undefined, failed));
    }
  }

  private async render(
    principal: Principal,
    opened: DossierRecord,
    notice?: string,
    failed?: FailedForm,
    /** The page's query: which page of each list (the first ones otherwise). */
    query: Record<string, unknown> = {},
  ): Promise<string> {
    const { detail, timeline, links } = await this.queries.dossierTimeline(
      opened.id,
      pageFieldsOf(query, 'tijdlijn'),
    );
    const verslagen = await this.minutesOf.of(principal, detail.id, pageFieldsOf(query, 'verslagen'));
    const { punten, beslissingen, history } = await listsOf(this.queries, detail, query);
    const tables = this.agenda.region.tables;
    const items = agendaItemViews(punten.rows, tables);
    const consulentDefaults = detail.ocjSdjConsulentInvolved
      ? {
          involved: 'true',
          since: detail.consulentInvolvedSince?.toISOString().slice(0, 10) ?? '',
          email: detail.consulentEmail ?? '',
        }
      : { involved: 'false' };
    const coordinator = hasRole(principal, 'coordinator');
    const phase = String(detail.phase);
    const start = detail.casusregieStartDate ? day(detail.casusregieStartDate) : undefined;
    const facts = phaseFacts(this.agenda.region.dossierLife, phase, start);
    const canChangeCasusregisseur = coordinator && !!detail.casusregisseurId && facts.hasActiveCasusregisseur;
    const casusregisseurs = canChangeCasusregisseur
      ? (await this.agendaQueries.casusregieCapacity(principal.regionId)).filter(
          (p) => p.personId !== detail.casusregisseurId,
        )
      : [];
    const zone = this.agenda.region.timeZone;
    const today = DateTime.fromJSDate(this.clock.now(), { zone }).toISODate()!;
    const canRecord =
      hasRole(principal, 'coordinator') ||
      (hasRole(principal, 'casusregisseur') && detail.casusregisseurId === principal.personId);
    const { inCasusregie, awaitingConsent } = facts;
    return this.pages.render(
      'dossier',
      { title: `Dossier ${detail.code}`, principal, notice },
      {
        dossier: detail,
        phase: this.queries.phaseLabel(phase),
        inCasusregie,
        reopenable: coordinator && this.reopen.reopensFrom().includes(detail.phase),
        awaitingConsent,
        children: {
          expected: Math.max(detail.childrenOver12, detail.childHearings.length),
          recorded: detail.childHearings,
          allAccountedFor: detail.childrenOver12HeardAt !== null,
        },
        canRecordConsent: canRecord && inCasusregie && !detail.consentVerifiedAt,
        canRecordNoConsent: canRecord && awaitingConsent,
        canRecordChild: canRecord && inCasusregie,
        canOpenPlan: canRecord && facts.hadCasusregie,
        canRecordConsultation: canRecord && inCasusregie && detail.ocjSdjConsulentInvolved,
        riskPicture: await this.riskPictures.forDossier(principal, opened, 'GET /dossiers/:code'),
        canEditRiskPicture: canRecord && inCasusregie,
        today,
        timeline,
        timelinePage: pagedList(detail.code, query, 'tijdlijn', links),
        items,
        itemsPage: pagedList(detail.code, query, 'agendapunten', punten.links),
        // The verslag and action points of its items (partial dossier-verslagen), a page of them.
        verslagen: verslagen.items,
        verslagenPage: pagedList(detail.code, query, 'verslagen', verslagen),
        decisionLabels: DECISION_KIND_LABELS,
        decisions: decisionViews(beslissingen.rows, (key) => tables.find((t) => t.key === key)?.name ?? key),
        decisionsPage: pagedList(detail.code, query, 'beslissingen', beslissingen.links),
        canAgenderen:
          hasRole(principal, 'coordinator') ||
          (hasRole(principal, 'casusregisseur') && detail.casusregisseurId === principal.personId) ||
          detail.aanmelderId === principal.personId,
        coordinator: hasRole(principal, 'coordinator'),
        canRecordConsulent: canRecord,
        consulentDefaults,
        canCorrectStart:
          hasRole(principal, 'coordinator') && !!detail.casusregieStartDate && !facts.afgesloten,
        history: history.rows.map((h) => ({
          ...h,
          from: h.from && dutchDate(DateTime.fromISO(h.from, { zone })),
          until: h.until && dutchDate(DateTime.fromISO(h.until, { zone })),
        })),
        historyPage: pagedList(detail.code, query, 'casusregisseurs', history.links),
        canChangeCasusregisseur,
        casusregisseurInactive: coordinator && casusregisseurLeft(detail) && facts.hasActiveCasusregisseur,
        casusregisseurs,
        reasons: CASUSREGISSEUR_CHANGE_REASONS.map((value) => ({
          value,
          label: CASUSREGISSEUR_CHANGE_REASON_LABELS[value],
        })),
        reports: reportsOf(detail.obligationReports, {
          qualityChecks: coordinator || hasRole(principal, 'strategisch-coordinator'),
          organisationKinds: this.agenda.region.organisationKinds,
        }),
      },
      new PageForms(failed),
    );
  }
}
