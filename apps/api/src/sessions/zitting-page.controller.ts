import {
  Body,
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { Clock, CLOCK } from '@overlegtafels/config';
import {
  AgendaQueries,
  ConsulentCheckQuery,
  MoveAgendaItemUseCase,
  MoveItemSchema,
  DecisionSchema,
  parseInput,
  ShareAgendaItemUseCase,
  InputError,
  RecordDecisionUseCase,
  riskFormField,
  riskFormValues,
  riskPictureFromForm,
  RiskPictureQuery,
  ReadMinutesUseCase,
  SendAgendaNowSchema,
  SendAgendaNowUseCase,
  SessionPlaceSchema,
  SetSessionPlaceUseCase,
  ListSessionAnswersUseCase,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { awaitsAgendaSend, DECISION_KIND_LABELS, DecisionKind } from '@overlegtafels/domain';
import { sharedFlag } from '../agenda/shared-flag';
import { viewerOf } from '../agenda/viewer';
import { CurrentRoute } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, noticeFor, PageForms, pick, str } from '../web/page-form';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { PageService } from '../web/page.service';
import { withRiskPicture } from './zitting-risk-picture';
import { DECISION_FIELDS, decisionFields, onPageFields } from './decision-form';
import { ORDER_FIELDS, orderInput } from './agenda-order';

const NOTICES: Record<string, string> = {
  volgorde: 'De volgorde is aangepast.',
  verplaatst: 'Het agendapunt is verplaatst.',
  gedeeld: 'De inhoud van het agendapunt is gedeeld met de leden van de zitting.',
  nietgedeeld: 'De inhoud van het agendapunt is niet langer gedeeld.',
  beslissing: 'De beslissing is geregistreerd.',
  ingetrokken: 'De beslissing is ingetrokken; wie erover een e-mail kreeg, krijgt bericht.',
  gewijzigd: 'De beslissing is gewijzigd; wie over de vorige een e-mail kreeg, krijgt bericht.',
  verstuurd:
    'De agenda is verstuurd: de vaste leden hebben de agenda met de uitnodiging, de gasten en casusregisseurs een uitnodiging voor hun agendapunt.',
  locatie: 'De locatie is opgeslagen. Wie al een uitnodiging had, krijgt de bijgewerkte uitnodiging.',
};

/**
 * A session's agenda, the page the agenda mails link to. Coordinators see everything and act on
 * it (order, move, share, decide); members see times, codes, types and who brings them, and the
 * contents only of what the coordinator shared with the session.
 */
/** Who submits a form of an agendapunt, on which route, for which item of which session. */
interface ItemForm {
  principal: Principal;
  route: string;
  sessionId: string;
  itemId: string;
}

@Controller('agenda')
export class ZittingPageController {
  constructor(
    @Inject(AgendaQueries) private readonly queries: AgendaQueries,
    @Inject(MoveAgendaItemUseCase) private readonly moveItem: MoveAgendaItemUseCase,
    @Inject(ShareAgendaItemUseCase) private readonly shareItem: ShareAgendaItemUseCase,
    @Inject(RecordDecisionUseCase) private readonly decisions: RecordDecisionUseCase,
    @Inject(PageService) private readonly pages: PageService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ConsulentCheckQuery) private readonly consulentChecks: ConsulentCheckQuery,
    @Inject(RiskPictureQuery) private readonly riskPictures: RiskPictureQuery,
    @Inject(ReadMinutesUseCase) private readonly minutes: ReadMinutesUseCase,
    @Inject(SendAgendaNowUseCase) private readonly sendNow: SendAgendaNowUseCase,
    @Inject(SetSessionPlaceUseCase) private readonly setPlace: SetSessionPlaceUseCase,
    @Inject(ListSessionAnswersUseCase) private readonly answers: ListSessionAnswersUseCase,
  ) {}

  @Post(':sessionId/versturen')
  @Roles('coordinator')
  async send(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['keepEmpty']);
    await this.sessionAct(principal, route, sessionId, 'versturen', values, res, 'verstuurd', (viewer) => {
      const submissionKey = formSubmissionKey(body);
      return this.sendNow.execute({
        actor: viewer,
        sessionId,
        ...parseInput(SendAgendaNowSchema, values.keepEmpty ? values : {}),
        ...(submissionKey && { submissionKey }),
      });
    });
  }

  /** With the form's one-time key: a repeat sets, audits and mails nothing more. */
  @Post(':sessionId/locatie')
  @Roles('coordinator')
  async place(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['location', 'onlineMeetingUrl']);
    await this.sessionAct(principal, route, sessionId, 'locatie', values, res, 'locatie', (viewer) =>
      this.setPlace.execute({
        actor: viewer,
        sessionId,
        ...parseInput(SessionPlaceSchema, values),
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  /** A form about the session itself: redirect on success, the page with the form's errors else. */
  private async sessionAct(
    principal: Principal,
    route: string,
    sessionId: string,
    form: string,
    values: Record<string, unknown>,
    res: Response,
    notice: string,
    work: (viewer: ReturnType<typeof viewerOf>) => Promise<unknown>,
  ): Promise<void> {
    if (!isUuid(sessionId)) throw new NotFoundException('Zitting niet gevonden.');
    try {
      await work(viewerOf(principal, route));
      res.redirect(303, `/agenda/${sessionId}?melding=${notice}#zitting-beheren`);
    } catch (error) {
      const failed = failedForm(form, values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(principal, sessionId, route, undefined, failed));
    }
  }

  @Get(':sessionId')
  @Roles('coordinator', 'member')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async show(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Query('melding') melding?: string,
  ): Promise<string> {
    if (!isUuid(sessionId)) throw new NotFoundException('Zitting niet gevonden.');
    return this.render(principal, sessionId, route, noticeFor(NOTICES, melding));
  }

  @Post(':sessionId/punten/:itemId/volgorde')
  @Roles('coordinator')
  async order(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ORDER_FIELDS);
    await this.act({ principal, route, sessionId, itemId }, 'volgorde', values, res, 'volgorde', (viewer) =>
      this.moveItem.execute({
        actor: viewer,
        itemId,
        ...orderInput(values),
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  @Post(':sessionId/punten/:itemId/verplaatsen')
  @Roles('coordinator')
  async move(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['reason', 'sessionId']);
    await this.act(
      { principal, route, sessionId, itemId },
      'verplaatsen',
      values,
      res,
      'verplaatst',
      (viewer) =>
        this.moveItem.execute({
          actor: viewer,
          itemId,
          ...parseInput(MoveItemSchema, { reason: values.reason, sessionId: values.sessionId || undefined }),
          ...withKey(formSubmissionKey(body)),
        }),
    );
  }

  /** One press shares once: a reload or an old form posted after it was undone changes nothing. */
  @Post(':sessionId/punten/:itemId/delen')
  @Roles('coordinator')
  async share(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, ['shared']);
    const notice = values.shared === 'true' ? 'gedeeld' : 'nietgedeeld';
    await this.act({ principal, route, sessionId, itemId }, 'delen', values, res, notice, (viewer) =>
      this.shareItem.execute({
        actor: viewer,
        itemId,
        shared: sharedFlag(values.shared),
        ...withKey(formSubmissionKey(body)),
      }),
    );
  }

  @Post(':sessionId/punten/:itemId/beslissing')
  @Roles('coordinator')
  async decide(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('sessionId') sessionId: string,
    @Param('itemId') itemId: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const values = pick(body, DECISION_FIELDS);
    const decision = decisionFields(values);
    // The picture at instroom, when the form has its fields (the region has an instrument).
    const risk =
      values.kind === 'met_casusregie' && str(body, 'risicotaxatie') === 'ja'
        ? riskPictureFromForm(body)
        : undefined;
    await this.act(
      { principal, route, sessionId, itemId },
      'beslissing',
      { ...values, ...riskFormValues(body) },
      res,
      'beslissing',
      async (viewer) => {
        try {
          const submissionKey = formSubmissionKey(body);
          await this.decisions.execute({
            actor: viewer,
            itemId,
            ...(submissionKey && { submissionKey }),
            decision: parseInput(DecisionSchema, { ...decision, ...(risk && { riskPicture: risk }) }),
          });
        } catch (error) {
          if (error instanceof InputError && risk) {
            const keys = risk.factors.map((f) => f.factorKey);
            throw new InputError(error.errors.map((e) => ({ ...e, field: riskFormField(e.field, keys) })));
          }
          throw onPageFields(error, values.kind);
        }
      },
    );
  }

  private async act(
    { principal, route, sessionId, itemId }: ItemForm,
    form: string,
    values: Record<string, unknown>,
    res: Response,
    notice: string,
    work: (viewer: ReturnType<typeof viewerOf>) => Promise<unknown>,
  ): Promise<void> {
    if (!isUuid(sessionId) || !isUuid(itemId)) throw new NotFoundException('Agendapunt niet gevonden.');
    try {
      await work(viewerOf(principal, route));
      res.redirect(303, `/agenda/${sessionId}?melding=${notice}#punt-${itemId}`);
    } catch (error) {
      const failed = failedForm(`${form}-${itemId}`, values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(principal, sessionId, route, undefined, failed));
    }
  }

  private async render(
    principal: Principal,
    sessionId: string,
    route: string,
    notice?: string,
    failed?: FailedForm,
  ): Promise<string> {
    const viewer = viewerOf(principal, route);
    const { agenda, moveTargets: targets } = await this.queries.agendaPage(viewer, sessionId);
    const started = Date.parse(agenda.session.startsAt) <= this.clock.now().getTime();
    const coordinator = agenda.coordinator;
    const capacity = coordinator ? await this.queries.casusregieCapacity(principal.regionId) : [];
    // Annex B: the afronding waits for the consulent; the decision form says whether that was done.
    const afrondingen = coordinator
      ? agenda.entries.filter((e) =>
          this.queries.decisionKinds(agenda.session.tableKey, e.itemType).includes('afronding_goedgekeurd'),
        )
      : [];
    const checks = await this.consulentChecks.forDossiers(
      viewer,
      afrondingen.map((e) => e.dossierCode),
    );
    const entries = agenda.entries.map((e) => ({
      ...e,
      consulentCheck: afrondingen.includes(e) ? (checks.get(e.dossierCode) ?? null) : null,
      decisionKinds: coordinator
        ? this.queries.decisionKinds(agenda.session.tableKey, e.itemType).map((kind: DecisionKind) => ({
            kind,
            label: DECISION_KIND_LABELS[kind],
            unavailable: e.unavailableDecisions[kind] ?? null,
          }))
        : [],
      traject: coordinator ? this.queries.decisionTraject(agenda.session.tableKey, e.itemType) : null,
      movable: coordinator && (e.status === 'placed' || e.status === 'rolled_over'),
      decidable: coordinator && e.decision === null && e.status !== 'discussed' && started,
    }));
    const today = this.clock.now();
    await withRiskPicture(this.riskPictures, viewer, agenda.session.tableKey, entries, failed);
    return this.pages.render(
      'zitting',
      { title: `${agenda.tableName} – agenda`, principal, notice },
      {
        agenda,
        entries,
        coordinator,
        started,
        targets,
        capacity: groupByOrganisation(capacity),
        today,
        failedKey: failed?.key,
        sessionId,
        ended: Date.parse(agenda.session.endsAt) <= this.clock.now().getTime(),
        sendable: awaitsAgendaSend(agenda.session),
        sendMomentPassed: Date.parse(agenda.session.agendaSendAt) <= this.clock.now().getTime(),
        // Linked only when it opens for this reader (issue #15: no 404 links).
        verslagOpens: await this.minutes.mayOpen(principal, sessionId, route),
        // The invited people's answers in their calendars, for the coordinators (issue #16).
        answers: coordinator ? await this.answers.execute(principal, sessionId) : [],
        kindValue: (itemId: string) =>
          str(failed?.key === `beslissing-${itemId}` ? failed.values : {}, 'kind'),
      },
      new PageForms(failed),
    );
  }
}

export function groupByOrganisation<T extends { organisationName: string | null }>(
  rows: readonly T[],
): { organisation: string; people: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = row.organisationName ?? 'zonder organisatie';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.entries()].map(([organisation, people]) => ({ organisation, people }));
}
