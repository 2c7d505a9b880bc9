import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  DECISION_KIND_LABELS,
  DecisionKind,
  acceptsItems,
  decisionsFor,
  type CalendarState,
  casusregiePhaseKeys,
  checkZonderCasusregisseur,
  effectiveMeetingPlace,
  type SessionStatus,
  statusAt,
  trajectSetBy,
  type TrajectOption,
} from '@overlegtafels/domain';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { AgendaService } from './agenda.service';
import { Actor, domainSession } from './agenda-views';
import { dossierOwnerId } from './dossier-state';
import { AgendaReadModel } from '../ports/agenda-read-model.port';
import { AgendaSessionRepository, SessionRecord } from '../ports/agenda-session.repository.port';
import { AuditLog, dossierCodesShown } from '../ports/audit-log.port';
import { CalendarStateRepository } from '../ports/calendar-state.port';
import { OrganisationDirectory } from '../ports/organisation-directory.port';
import { ofRegion } from '../region-fence/region-fence';

/** What a viewer may see of a table: everything (coordinator), or the agenda without contents (member). */
export interface Viewer extends Actor {
  readonly coordinatorTables: readonly string[] | 'all';
  readonly memberTables: readonly string[];
}

export function canSeeTable(viewer: Viewer, tableKey: string): boolean {
  return (
    viewer.coordinatorTables === 'all' ||
    viewer.coordinatorTables.includes(tableKey) ||
    viewer.memberTables.includes(tableKey)
  );
}

export function coordinatesTable(viewer: Viewer, tableKey: string): boolean {
  return viewer.coordinatorTables === 'all' || viewer.coordinatorTables.includes(tableKey);
}

export interface SessionSummary {
  readonly id: string;
  readonly key: string;
  readonly tableKey: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly status: SessionStatus;
  readonly cancelReason: string | null;
  readonly movedFrom: string | null;
  readonly capacityMinutes: number;
  readonly usedMinutes: number;
  readonly items: number;
  readonly deadline: string;
  readonly freezeAt: string;
  /** When the agenda goes to the members (the send moment). */
  readonly agendaSendAt: string;
  /** Where it takes place: the session's own place, else the table's (null: none known). */
  readonly location: string | null;
  readonly onlineMeetingUrl: string | null;
}

export interface AgendaEntry {
  readonly id: string;
  readonly position: number;
  readonly slotStart: string | null;
  readonly slotEnd: string | null;
  readonly dossierCode: string;
  readonly itemType: string;
  readonly itemTypeLabel: string;
  readonly durationMinutes: number;
  readonly status: string;
  /** Who brings it: name and organisation of the submitter. */
  readonly broughtBy: string;
  readonly rolledOver: boolean;
  readonly pinned: boolean;
  readonly overrideReason: string | null;
  readonly late: boolean;
  readonly shared: boolean;
  readonly decision: { kind: string; label: string } | null;
  /**
   * For coordinators: decisions the rules refuse for this item whatever is filled in, with why
   * (Dutch), so the form can say so before it is sent ("zonder casusregisseur", guide I.I).
   */
  readonly unavailableDecisions: Readonly<Partial<Record<DecisionKind, string>>>;
  /**
   * Whether the reader may open the dossier page and its documents (coordinators and the dossier's
   * own people; a member who sees a shared item sees its contents here, not the dossier): the page
   * links only to what opens (issue #15).
   */
  readonly mayOpenDossier: boolean;
  /** Only for whoever may see the contents: coordinators, the dossier's own people, or when shared. */
  readonly contents: {
    readonly question: string | null;
    readonly document: { id: string; fileName: string; sizeBytes: number } | null;
    readonly guests: { kind: string; email: string | null; name: string | null }[];
  } | null;
}

export interface SessionAgendaView {
  readonly session: SessionSummary;
  readonly tableName: string;
  readonly entries: AgendaEntry[];
  readonly coordinator: boolean;
}

export type { DossierTimelineSource, TimelineEntry } from '../dossier-timeline/dossier-timeline';
export { DOSSIER_TIMELINE_SOURCES } from '../dossier-timeline/dossier-timeline';

/** The read side of the agenda: what the pages and the API show, filtered by need-to-know. */
/** The traject field a decision form shows (AgendaQueries.decisionTraject). */
export interface DecisionTrajectField {
  readonly label: string;
  readonly options: readonly TrajectOption[];
  /** The decisions that record it, as the form names them ("“ketenaanpak met casusregie”"). */
  readonly decisions: string;
}

/** How far ahead the agenda page offers sessions to move an item to. */
const MOVE_WEEKS = 26;

@Injectable()
export class AgendaQueries {
  constructor(
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'session'>,
    @Inject(AgendaReadModel) private readonly reads: AgendaReadModel,
    @Inject(OrganisationDirectory) private readonly organisations: OrganisationDirectory,
    @Inject(CalendarStateRepository) private readonly calendars: CalendarStateRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The decisions the region's table records on an agendapunt of this type (its dossier life). */
  decisionKinds(tableKey: string, itemType: string): readonly DecisionKind[] {
    return decisionsFor(this.agenda.region.dossierLife.rules, tableKey, itemType);
  }

  /**
   * The traject field of the decision form on an agendapunt of this type: the region's options and
   * the decisions that record one (DossierLife.traject); null when none of its decisions does.
   */
  decisionTraject(tableKey: string, itemType: string): DecisionTrajectField | null {
    const life = this.agenda.region.dossierLife;
    const setting = this.decisionKinds(tableKey, itemType).filter((k) => trajectSetBy(life, k));
    if (!life.traject || setting.length === 0) return null;
    return {
      label: life.traject.label,
      options: life.traject.options,
      decisions: setting.map((k) => `“${DECISION_KIND_LABELS[k]}”`).join(' of '),
    };
  }

  /** The coming sessions of a table with their fill level; rows are created so actions can name them. */
  async tableSessions(viewer: Viewer, tableKey: string, weeks = 13): Promise<SessionSummary[]> {
    const { rows, calendar } = await this.comingSessions(viewer, tableKey, weeks);
    return this.summaries(tableKey, rows, calendar);
  }

  /** The rows of the table's coming sessions and the calendar they were generated from. */
  private async comingSessions(
    viewer: Viewer,
    tableKey: string,
    weeks: number,
  ): Promise<{ rows: SessionRecord[]; calendar: CalendarState }> {
    const table = this.agenda.table(tableKey);
    if (!canSeeTable(viewer, table.key))
      throw new AgendaRefusal('TABLE_NOT_FOUND', 'Tafel niet gevonden.', undefined, 'not_found');
    const zone = table.timeZone;
    const from = DateTime.fromJSDate(this.clock.now(), { zone }).startOf('day');
    const to = from.plus({ weeks });
    const { calendar, known } = await this.agenda.materializeWithCalendar(
      table.key,
      from.toMillis(),
      to.toMillis(),
    );
    // The rows starting in the period, cancelled and moved ones too, out of those just read (a week
    // back and on): the same as reading them again.
    const rows = known
      .filter((r) => r.startsAt.getTime() >= from.toMillis() && r.startsAt.getTime() < to.toMillis())
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return { rows, calendar };
  }

  private async summaries(
    tableKey: string,
    rows: readonly SessionRecord[],
    known?: CalendarState,
  ): Promise<SessionSummary[]> {
    const table = this.agenda.table(tableKey);
    const calendar =
      known ?? (await this.calendars.forTable(this.agenda.region.key, table.key, table.timeZone));
    const load = await this.reads.loadOf(rows.map((r) => r.id));
    const nowMs = this.clock.now().getTime();
    return rows.map((row) => {
      const key = this.agenda.keyOf(table, row.scheduledStart);
      const generated = domainSession(table, row, calendar);
      return {
        id: row.id,
        key,
        tableKey: table.key,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        // Gehouden once its end has passed, in the injected clock's now.
        status: statusAt({ status: row.status, endsAtMs: row.endsAt.getTime() }, nowMs),
        cancelReason: row.cancelReason ?? generated.cancellation?.reason ?? null,
        movedFrom: row.movedFromStartsAt?.toISOString() ?? null,
        capacityMinutes: row.capacityMinutes ?? generated.capacityMinutes,
        usedMinutes: load.get(row.id)?.minutes ?? 0,
        items: load.get(row.id)?.items ?? 0,
        deadline: new Date(generated.deadlineMs).toISOString(),
        freezeAt: new Date(generated.freezeAtMs).toISOString(),
        agendaSendAt: new Date(generated.agendaSendAtMs).toISOString(),
        ...effectiveMeetingPlace(table.meetingPlace, {
          location: row.location ?? null,
          onlineMeetingUrl: row.onlineMeetingUrl ?? null,
        }),
      };
    });
  }

  async sessionAgenda(viewer: Viewer, sessionId: string): Promise<SessionAgendaView> {
    return (await this.agendaOf(viewer, sessionId, false)).agenda;
  }

  /**
   * The agenda page's read: the agenda and, for a coordinator, the other sessions its items can be
   * moved to. The table's calendar is read once for both, and the fill level of the session and
   * of the targets in one statement (issue #18).
   */
  async agendaPage(
    viewer: Viewer,
    sessionId: string,
  ): Promise<{ agenda: SessionAgendaView; moveTargets: SessionSummary[] }> {
    return this.agendaOf(viewer, sessionId, true);
  }

  private async agendaOf(
    viewer: Viewer,
    sessionId: string,
    withTargets: boolean,
  ): Promise<{ agenda: SessionAgendaView; moveTargets: SessionSummary[] }> {
    const row = await this.sessions.session(sessionId);
    if (!ofRegion(viewer, row) || !canSeeTable(viewer, row.tableKey)) {
      await this.audit.append(
        {
          actorPersonId: viewer.personId,
          action: 'agenda.read',
          entityType: 'session',
          entityId: row?.id ?? null,
          outcome: 'denied',
          route: viewer.route,
        },
        this.clock.now(),
      );
      throw new AgendaRefusal('SESSION_NOT_FOUND', 'Zitting niet gevonden.', undefined, 'not_found');
    }
    const table = this.agenda.table(row.tableKey);
    const coordinator = coordinatesTable(viewer, table.key);
    const coming =
      withTargets && coordinator ? await this.comingSessions(viewer, table.key, MOVE_WEEKS) : undefined;
    const others = (coming?.rows ?? []).filter((r) => r.id !== row.id);
    const [session, ...targets] = await this.summaries(table.key, [row, ...others], coming?.calendar);
    const nowMs = this.clock.now().getTime();
    const moveTargets = targets.filter((s) =>
      acceptsItems({ status: s.status, startsAtMs: Date.parse(s.startsAt) }, nowMs),
    );
    const items = await this.reads.agendaOf(row.id);
    const entries: AgendaEntry[] = items.map((item) => {
      const own =
        dossierOwnerId(item.dossier) === viewer.personId || item.dossier.aanmelderId === viewer.personId;
      const full = coordinator || own || item.sharedWithSession;
      const type = table.itemTypes.find((t) => t.key === item.itemType);
      return {
        id: item.id,
        position: item.position,
        slotStart: item.slotStart?.toISOString() ?? null,
        slotEnd: item.slotEnd?.toISOString() ?? null,
        dossierCode: item.dossier.code,
        itemType: item.itemType,
        itemTypeLabel: type?.label ?? item.itemType,
        durationMinutes: item.durationMinutes,
        status: item.status,
        broughtBy: [item.submittedBy.displayName, item.submittedBy.organisation?.name]
          .filter(Boolean)
          .join(', '),
        rolledOver: item.status === 'rolled_over',
        pinned: item.pinned,
        overrideReason: coordinator ? item.overrideReason : null,
        late: item.lateReason !== null,
        shared: item.sharedWithSession,
        decision: item.decision
          ? {
              kind: String(item.decision.kind),
              label: DECISION_KIND_LABELS[item.decision.kind as DecisionKind],
            }
          : null,
        unavailableDecisions:
          coordinator && item.status !== 'discussed' ? this.unavailableDecisions(item.dossier) : {},
        mayOpenDossier: coordinator || own,
        contents: full ? { question: item.question, document: item.document, guests: item.guests } : null,
      };
    });
    // The agenda's row and one per item whose contents it showed, in one INSERT (issue #18): the
    // chain's trigger links the rows one after the other, in this order.
    const byId = new Map(items.map((i) => [i.id, i]));
    await this.audit.appendMany(
      [
        {
          actorPersonId: viewer.personId,
          action: 'agenda.read',
          entityType: 'session',
          entityId: row.id,
          outcome: 'allowed',
          route: viewer.route,
          details: {
            items: entries.length,
            withContents: entries.filter((e) => e.contents).length,
            // Which dossiers the agenda showed (issue #17): codes only.
            codes: dossierCodesShown(entries.map((e) => e.dossierCode)),
          },
        },
        ...entries
          .filter((e) => e.contents)
          .map((entry) => ({
            actorPersonId: viewer.personId,
            action: 'agenda-item.read',
            entityType: 'agenda_item',
            entityId: entry.id,
            dossierId: byId.get(entry.id)!.dossier.id,
            outcome: 'allowed' as const,
            route: viewer.route,
            details: { code: entry.dossierCode },
          })),
      ],
      this.clock.now(),
    );
    return { agenda: { session: session!, tableName: table.name, entries, coordinator }, moveTargets };
  }

  private unavailableDecisions(dossier: {
    aanmelderOrganisation: { kind: string } | null;
  }): Partial<Record<DecisionKind, string>> {
    const eligible = checkZonderCasusregisseur(
      this.agenda.region.zonderCasusregisseurAanmelders,
      dossier.aanmelderOrganisation?.kind ?? null,
      this.agenda.region.organisationKinds,
    );
    return eligible.ok ? {} : { zonder_casusregisseur: eligible.message };
  }

  /** The other sessions an item can be moved to (same table, not cancelled, not started). */
  async moveTargets(viewer: Viewer, tableKey: string): Promise<SessionSummary[]> {
    return (await this.tableSessions(viewer, tableKey, MOVE_WEEKS)).filter((s) =>
      acceptsItems({ status: s.status, startsAtMs: Date.parse(s.startsAt) }, this.clock.now().getTime()),
    );
  }

  async casusregieCapacity(regionId: string) {
    return this.organisations.casusregieCapacity(
      regionId,
      casusregiePhaseKeys(this.agenda.region.dossierLife),
    );
  }
}
