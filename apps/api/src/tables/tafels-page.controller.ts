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
import {
  AgendaQueries,
  AgendaService,
  CancelSessionUseCase,
  canSeeTable,
  CapacitySchema,
  ChangeSessionCapacityUseCase,
  ClosePeriodSchema,
  ClosePeriodUseCase,
  FreezeAgendaUseCase,
  MoveSessionSchema,
  MoveSessionUseCase,
  UnfreezeAgendaUseCase,
  coordinatesTable,
  parseInput,
  ReasonSchema,
  Viewer,
} from '@overlegtafels/application';
import { CurrentPrincipal, Principal, Roles } from '@overlegtafels/auth';
import { viewerOf } from '../agenda/viewer';
import { CurrentRoute, CurrentViewer } from '../web/current-viewer.decorator';
import { failedForm, FailedForm, isUuid, noticeFor, PageForms, pick } from '../web/page-form';
import { formSubmissionKey, withKey } from '../web/submission-key';
import { PageService, sessionIs } from '../web/page.service';

const NOTICES: Record<string, string> = {
  geannuleerd: 'De zitting is geannuleerd; haar agendapunten schuiven door naar de volgende zitting.',
  verplaatst: 'De zitting is verplaatst.',
  capaciteit: 'De capaciteit is aangepast en de agenda opnieuw ingedeeld.',
  ontdooid: 'De agenda is weer open.',
  bevroren:
    'De agenda is definitief; de indieners krijgen hun bevestigde tijdstip. De deelnemers krijgen de agenda met hun uitnodiging op het verzendmoment, of meteen met “Agenda nu versturen” op de agendapagina.',
  gesloten: 'De periode is gesloten; zittingen in die periode gaan niet door.',
};

/** The actions on a session: the form key, its fields, and what it does. */
const SESSION_ACTIONS = {
  annuleren: { fields: ['reason'], notice: 'geannuleerd' },
  verplaatsen: { fields: ['date', 'start', 'end', 'reason'], notice: 'verplaatst' },
  capaciteit: { fields: ['capacityMinutes', 'reason'], notice: 'capaciteit' },
  ontdooien: { fields: ['reason'], notice: 'ontdooid' },
  bevriezen: { fields: ['reason'], notice: 'bevroren' },
} as const;
type SessionAction = keyof typeof SESSION_ACTIONS;

/**
 * The tables and their sessions: fill level, status and deadlines for coordinators and members;
 * for coordinators also the calendar actions, each with a reason.
 */
@Controller('tafels')
export class TafelsPageController {
  constructor(
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AgendaQueries) private readonly queries: AgendaQueries,
    @Inject(CancelSessionUseCase) private readonly cancelSession: CancelSessionUseCase,
    @Inject(MoveSessionUseCase) private readonly moveSession: MoveSessionUseCase,
    @Inject(ChangeSessionCapacityUseCase) private readonly changeCapacity: ChangeSessionCapacityUseCase,
    @Inject(UnfreezeAgendaUseCase) private readonly unfreezeAgenda: UnfreezeAgendaUseCase,
    @Inject(FreezeAgendaUseCase) private readonly freezeAgenda: FreezeAgendaUseCase,
    @Inject(ClosePeriodUseCase) private readonly closePeriodUseCase: ClosePeriodUseCase,
    @Inject(PageService) private readonly pages: PageService,
  ) {}

  @Get()
  @Roles('coordinator', 'member')
  @Header('Content-Type', 'text/html; charset=utf-8')
  list(@CurrentPrincipal() principal: Principal, @CurrentViewer() viewer: Viewer): string {
    const tables = this.agenda.region.tables
      .filter((t) => canSeeTable(viewer, t.key))
      .map((t) => ({ key: t.key, name: t.name, coordinator: coordinatesTable(viewer, t.key) }));
    return this.pages.render('tafels', { title: 'Tafels', principal }, { tables });
  }

  @Get(':key')
  @Roles('coordinator', 'member')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async table(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('key') key: string,
    @Query('melding') melding?: string,
  ): Promise<string> {
    return this.render(principal, viewer, key, noticeFor(NOTICES, melding));
  }

  @Post(':key/zittingen/:id/:action')
  @Roles('coordinator')
  async sessionAction(
    @CurrentPrincipal() principal: Principal,
    @CurrentRoute() route: string,
    @Param('key') key: string,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    if (!Object.hasOwn(SESSION_ACTIONS, action) || !isUuid(id)) throw new NotFoundException();
    const act = action as SessionAction;
    this.tableOr404(key);
    // Five fixed actions share one route; each is audited under its own name, as `…/annuleren`.
    const viewer = viewerOf(principal, route.replace(/:action$/, act));
    const values = pick(body, SESSION_ACTIONS[act].fields);
    // One press changes once: a reload or a double click answers as the first (issue #15).
    const once = withKey(formSubmissionKey(body));
    try {
      switch (act) {
        case 'annuleren':
          await this.cancelSession.execute({
            actor: viewer,
            sessionId: id,
            reason: parseInput(ReasonSchema, values).reason,
            ...once,
          });
          break;
        case 'verplaatsen':
          await this.moveSession.execute({
            actor: viewer,
            sessionId: id,
            ...parseInput(MoveSessionSchema, values),
            ...once,
          });
          break;
        case 'capaciteit':
          await this.changeCapacity.execute({
            actor: viewer,
            sessionId: id,
            ...parseInput(CapacitySchema, values),
            ...once,
          });
          break;
        case 'ontdooien':
          await this.unfreezeAgenda.execute({
            actor: viewer,
            sessionId: id,
            reason: parseInput(ReasonSchema, values).reason,
            ...once,
          });
          break;
        case 'bevriezen':
          await this.freezeAgenda.execute({
            actor: viewer,
            sessionId: id,
            reason: parseInput(ReasonSchema, values).reason,
            ...once,
          });
          break;
      }
      res.redirect(303, `/tafels/${key}?melding=${SESSION_ACTIONS[act].notice}`);
    } catch (error) {
      const failed = failedForm(`${act}-${id}`, values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(principal, viewer, key, undefined, failed));
    }
  }

  @Post(':key/sluiten')
  @Roles('coordinator')
  async closePeriod(
    @CurrentPrincipal() principal: Principal,
    @CurrentViewer() viewer: Viewer,
    @Param('key') key: string,
    @Body() body: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    this.tableOr404(key);
    const values = pick(body, ['from', 'to', 'tableKey', 'reason']);
    try {
      const input = parseInput(ClosePeriodSchema, values);
      await this.closePeriodUseCase.execute({
        actor: viewer,
        ...input,
        ...withKey(formSubmissionKey(body)),
      });
      res.redirect(303, `/tafels/${key}?melding=gesloten`);
    } catch (error) {
      const failed = failedForm('sluiten', values, error);
      res
        .status(failed.status)
        .type('html')
        .send(await this.render(principal, viewer, key, undefined, failed));
    }
  }

  private tableOr404(key: string) {
    const table = this.agenda.region.tables.find((t) => t.key === key);
    if (!table) throw new NotFoundException('Tafel niet gevonden.');
    return table;
  }

  private async render(
    principal: Principal,
    viewer: Viewer,
    key: string,
    notice?: string,
    failed?: FailedForm,
  ): Promise<string> {
    const table = this.tableOr404(key);
    const sessions = await this.queries.tableSessions(viewer, table.key);
    const coordinator = coordinatesTable(viewer, table.key);
    const forms = new PageForms(failed);
    return this.pages.render(
      'tafel',
      { title: table.name, principal, notice },
      {
        table: { key: table.key, name: table.name },
        // Upcoming and held apart: a session whose end has passed is gehouden (issue #15).
        sessions: sessions.filter((s) => !sessionIs.held(s)),
        held: sessions.filter((s) => sessionIs.held(s)),
        coordinator,
        failedKey: failed?.key,
        allTables:
          viewer.coordinatorTables === 'all' ||
          this.agenda.region.tables.every((t) => coordinatesTable(viewer, t.key)),
      },
      forms,
    );
  }
}
