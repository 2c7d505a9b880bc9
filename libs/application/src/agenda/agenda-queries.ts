import { Inject, Injectable, Optional } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  DECISION_KIND_LABELS,
  DOSSIER_PHASE_LABELS,
  DecisionKind,
  DossierPhase,
  acceptsItems,
  isProvisional,
  type SessionStatus,
} from '@overlegtafels/domain';
import {
  AgendaRepository,
  AuditRepository,
  CalendarStateRepository,
  DossierRepository,
  OrganisationRepository,
} from '@overlegtafels/persistence';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from './agenda-input';
import { AgendaService } from './agenda.service';
import { Actor, domainSession } from './agenda-views';
import { dossierOwnerId, ymd } from './dossier-state';

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

/** Fills a dossier page's "what is planned" with follow-up obligations (issue #6 provides it). */
export interface DossierTimelineSource {
  timelineFor(dossierId: string): Promise<TimelineEntry[]>;
}
export const DOSSIER_TIMELINE_SOURCES = Symbol('DOSSIER_TIMELINE_SOURCES');

export interface TimelineEntry {
  readonly at: string;
  readonly kind: 'aanmelding' | 'agendapunt' | 'beslissing' | 'opvolging';
  readonly title: string;
  readonly detail?: string;
  readonly planned: boolean;
}

/** The read side of the agenda: what the pages and the API show, filtered by need-to-know. */
@Injectable()
export class AgendaQueries {
  constructor(
    @Inject(AgendaService) private readonly agenda: AgendaService,
    @Inject(AgendaRepository) private readonly repo: AgendaRepository,
    @Inject(DossierRepository) private readonly dossiers: DossierRepository,
    @Inject(OrganisationRepository) private readonly organisations: OrganisationRepository,
    @Inject(CalendarStateRepository) private readonly calendars: CalendarStateRepository,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional()
    @Inject(DOSSIER_TIMELINE_SOURCES)
    private readonly timelineSources: DossierTimelineSource[] | null,
  ) {}

  /** The coming sessions of a table with their fill level; rows are created so actions can name them. */
  async tableSessions(viewer: Viewer, tableKey: string, weeks = 13): Promise<SessionSummary[]> {
    const table = this.agenda.table(tableKey);
    if (!canSeeTable(viewer, table.key))
      throw new AgendaRefusal('TABLE_NOT_FOUND', 'Tafel niet gevonden.', undefined, 'not_found');
    const zone = table.timeZone;
    const from = DateTime.fromJSDate(this.clock.now(), { zone }).startOf('day');
    const to = from.plus({ weeks });
    await this.agenda.materializeSessions(table.key, from.toMillis(), to.toMillis());
    const regionId = await this.repo.regionId(this.agenda.region.key);
    const rows = await this.repo.sessionsBetween(regionId, table.key, from.toJSDate(), to.toJSDate());
    return this.summaries(table.key, rows);
  }

  private async summaries(
    tableKey: string,
    rows: Awaited<ReturnType<AgendaRepository['sessionsBetween']>>,
  ): Promise<SessionSummary[]> {
    const table = this.agenda.table(tableKey);
    const calendar = await this.calendars.forTable(this.agenda.region.key, table.key, table.timeZone);
    const load = await this.repo.sessionLoad(rows.map((r) => r.id));
    return rows.map((row) => {
      const key = this.agenda.keyOf(table, row.scheduledStart);
      const generated = domainSession(table, row, calendar);
      return {
        id: row.id,
        key,
        tableKey: table.key,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        status: row.status,
        cancelReason: row.cancelReason ?? generated.cancellation?.reason ?? null,
        movedFrom: row.movedFromStartsAt?.toISOString() ?? null,
        capacityMinutes: row.capacityMinutes ?? generated.capacityMinutes,
        usedMinutes: load.get(row.id)?.minutes ?? 0,
        items: load.get(row.id)?.items ?? 0,
        deadline: new Date(generated.deadlineMs).toISOString(),
        freezeAt: new Date(generated.freezeAtMs).toISOString(),
      };
    });
  }

  async sessionAgenda(viewer: Viewer, sessionId: string): Promise<SessionAgendaView> {
    const row = await this.repo.session(sessionId);
    if (!row || row.regionId !== viewer.regionId || !canSeeTable(viewer, row.tableKey)) {
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
    const [session] = await this.summaries(table.key, [row]);
    const coordinator = coordinatesTable(viewer, table.key);
    const items = await this.repo.agendaOf(row.id);
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
        contents: full ? { question: item.question, document: item.document, guests: item.guests } : null,
      };
    });
    const now = this.clock.now();
    await this.audit.append(
      {
        actorPersonId: viewer.personId,
        action: 'agenda.read',
        entityType: 'session',
        entityId: row.id,
        outcome: 'allowed',
        route: viewer.route,
        details: { items: entries.length, withContents: entries.filter((e) => e.contents).length },
      },
      now,
    );
    for (const entry of entries.filter((e) => e.contents)) {
      const item = items.find((i) => i.id === entry.id)!;
      await this.audit.append(
        {
          actorPersonId: viewer.personId,
          action: 'agenda-item.read',
          entityType: 'agenda_item',
          entityId: entry.id,
          dossierId: item.dossier.id,
          outcome: 'allowed',
          route: viewer.route,
          details: { code: entry.dossierCode },
        },
        now,
      );
    }
    return { session: session!, tableName: table.name, entries, coordinator };
  }

  /** The other sessions an item can be moved to (same table, not cancelled, not started). */
  async moveTargets(viewer: Viewer, tableKey: string): Promise<SessionSummary[]> {
    return (await this.tableSessions(viewer, tableKey, 26)).filter((s) =>
      acceptsItems({ status: s.status, startsAtMs: Date.parse(s.startsAt) }, this.clock.now().getTime()),
    );
  }

  /** Everything on a dossier's page, for someone with full access (checked by the caller). */
  async dossierTimeline(dossierId: string): Promise<{
    detail: NonNullable<Awaited<ReturnType<DossierRepository['detail']>>>;
    timeline: TimelineEntry[];
  }> {
    const detail = (await this.dossiers.detail(dossierId))!;
    const zone = this.agenda.region.timeZone;
    const now = this.clock.now().getTime();
    const fmt = (d: Date) =>
      DateTime.fromJSDate(d, { zone }).toFormat('d LLLL yyyy HH:mm', { locale: 'nl-BE' });
    const timeline: TimelineEntry[] = [];
    for (const a of detail.aanmeldingen) {
      timeline.push({
        at: a.submittedAt.toISOString(),
        kind: 'aanmelding',
        title: 'Aanmelding ingediend',
        detail: a.organisation.name,
        planned: false,
      });
    }
    for (const item of detail.agendaItems) {
      const table = this.agenda.region.tables.find((t) => t.key === item.tableKey);
      const type = table?.itemTypes.find((t) => t.key === item.itemType)?.label ?? item.itemType;
      const at = item.slotStart ?? item.session.startsAt;
      const status =
        item.status === 'discussed'
          ? 'besproken'
          : item.status === 'withdrawn'
            ? 'ingetrokken'
            : isProvisional(item.session)
              ? 'onder voorbehoud'
              : 'bevestigd';
      timeline.push({
        at: at.toISOString(),
        kind: 'agendapunt',
        title: `${table?.name ?? item.tableKey}: ${type}`,
        detail: `${fmt(at)} (${status})`,
        planned: at.getTime() > now && item.status !== 'discussed',
      });
    }
    for (const d of detail.decisions) {
      timeline.push({
        at: d.decidedAt.toISOString(),
        kind: 'beslissing',
        title: `Beslissing: ${DECISION_KIND_LABELS[d.kind as DecisionKind]}`,
        detail:
          [
            d.casusregisseur ? `casusregisseur ${d.casusregisseur.displayName}` : undefined,
            d.startDate ? `start ${ymd(d.startDate)}` : undefined,
            d.terugkomdatum ? `terugkomdatum ${ymd(d.terugkomdatum)}` : undefined,
          ]
            .filter(Boolean)
            .join(', ') || undefined,
        planned: false,
      });
    }
    for (const source of this.timelineSources ?? []) timeline.push(...(await source.timelineFor(dossierId)));
    timeline.sort((a, b) => a.at.localeCompare(b.at));
    return { detail, timeline };
  }

  phaseLabel(phase: string): string {
    return DOSSIER_PHASE_LABELS[phase as DossierPhase] ?? phase;
  }

  async casusregieCapacity(regionId: string) {
    return this.organisations.casusregieCapacity(regionId);
  }
}
