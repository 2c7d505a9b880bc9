import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Principal } from '@overlegtafels/auth';
import { dutchDate, dutchDateTime } from '@overlegtafels/mail';
import { ObligationListFilter, ObligationListRow, ObligationRepository } from '@overlegtafels/persistence';
import { CLOCK, Clock } from '@overlegtafels/config';
import { TableCalendarService } from '../table-calendar/table-calendar.service';
import { ObligationSyncService } from './obligation-sync.service';

/** One obligation as pages and the API show it: codes, dates and rule texts, ids for links. */
export interface ObligationView {
  id: string;
  dossierId: string;
  dossierCode: string;
  ruleKey: string;
  sequence: number;
  /** Dutch, from the region's rules. */
  label: string;
  explanation: string | null;
  optional: boolean;
  status: 'open' | 'fulfilled' | 'cancelled';
  /** ISO instant at the Brussels offset. */
  dueAt: string;
  /** yyyy-mm-dd in Brussels. */
  dueDate: string;
  /** "maandag 13 april 2026 om 12:00" */
  dueText: string;
  overdue: boolean;
  /** The session the due date hangs on (`<table>:<date>`), for session-relative rules. */
  sessionKey: string | null;
  /** Done by hand with a note (the owner marks it), rather than by agendering, a decision or a registered fact. */
  manual: boolean;
  /** The pre-filled agendering form (relative URL), for obligations fulfilled by agendering. */
  agenderingUrl: string | null;
  ownerRole: string;
  casusregisseurId: string | null;
  casusregisseurName: string | null;
  organisationName: string | null;
  fulfilledAt: string | null;
  fulfilmentKind: string | null;
  cancelledAt: string | null;
}

/** Per dossier, for the timeline: the note of a manual "done" too (the caller checked need-to-know). */
export interface DossierObligationView extends ObligationView {
  fulfilmentNote: string | null;
}

export interface OverdueGroup {
  /** null: no casusregisseur (coordinator-owned, or the dossier has none). */
  casusregisseurId: string | null;
  name: string;
  organisation: string;
  obligations: ObligationView[];
}

export interface SessionLoad {
  key: string;
  date: string;
  dateText: string;
  status: 'open' | 'cancelled';
  capacityMinutes: number;
  usedMinutes: number;
  /** 0–100 and more when overbooked; 0 for a cancelled session. */
  percent: number;
}

export interface TableLoad {
  key: string;
  name: string;
  sessions: SessionLoad[];
}

export interface CoordinatorDashboard {
  now: string;
  overdueByCasusregisseur: OverdueGroup[];
  overdueByOrganisation: { organisation: string; count: number }[];
  next30Days: ObligationView[];
  tables: TableLoad[];
}

const FULFILMENT_LABELS: Record<string, string> = {
  'agenda-item': ' door agendering',
  decision: ' door een beslissing',
  event: '',
  manual: ' met een notitie',
};

const UPCOMING_DAYS = 30;
const LOAD_WEEKS = 8;

/** Read side of the follow-up obligations: own list, the coordinators' dashboard, per dossier. */
@Injectable()
export class ObligationQueryService {
  constructor(
    @Inject(ObligationRepository) private readonly repo: ObligationRepository,
    @Inject(ObligationSyncService) private readonly obligations: ObligationSyncService,
    @Inject(TableCalendarService) private readonly tables: TableCalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Every obligation of one dossier, done, open and cancelled, by due date: for the dossier
   * timeline. No access check here: the caller has decided need-to-know and writes the audit.
   */
  async forDossier(dossierId: string): Promise<DossierObligationView[]> {
    const regionId = await this.repo.regionIdOf(this.obligations.region.key);
    if (!regionId) return [];
    const now = this.clock.now().getTime();
    const rows = this.ordered(await this.repo.list({ regionId, dossierId }));
    return rows.map((r) => ({ ...this.view(r, now), fulfilmentNote: r.fulfilmentNote }));
  }

  /**
   * The dossier timeline's share (the agenda's DossierTimelineSource): every obligation as one
   * entry, planned while open, at its due moment; done ones at the moment they were done.
   */
  async timelineFor(
    dossierId: string,
  ): Promise<{ at: string; kind: 'opvolging'; title: string; detail?: string; planned: boolean }[]> {
    const zone = this.obligations.region.timeZone;
    return (await this.forDossier(dossierId)).map((o) => {
      const done = o.status === 'fulfilled' && o.fulfilledAt !== null;
      const detail =
        o.status === 'open'
          ? `${o.optional ? 'Facultatief, u' : 'U'}iterlijk ${o.dueText}${o.overdue ? ' (termijn verstreken)' : ''}`
          : o.status === 'fulfilled'
            ? `Afgerond${FULFILMENT_LABELS[o.fulfilmentKind ?? ''] ?? ''} (termijn ${dutchDate(DateTime.fromISO(o.dueAt, { zone }))})`
            : 'Niet meer van toepassing';
      return {
        at: done
          ? (o.fulfilledAt as string)
          : o.status === 'cancelled' && o.cancelledAt
            ? o.cancelledAt
            : o.dueAt,
        kind: 'opvolging' as const,
        title: o.label,
        detail,
        planned: o.status === 'open',
      };
    });
  }

  /**
   * The open obligations a person owns, for their calendar feed: ids, dossier codes and local due
   * dates only.
   */
  async dueDatesOf(
    personId: string,
  ): Promise<{ id: string; dossierId: string; dossierCode: string; date: string }[]> {
    const scope = await this.repo.ownerScopeOf(personId);
    if (!scope) return [];
    const all = this.obligations.region.tables.map((t) => t.key);
    const coordinatorTables = scope.coordinatorTables.flatMap((t) => (t === null ? all : [t]));
    const zone = this.obligations.region.timeZone;
    const rows = await this.repo.list({
      regionId: scope.regionId,
      status: 'open',
      ownedBy: { personId, coordinatorTables },
    });
    return this.ordered(rows).map((r) => ({
      id: r.id,
      dossierId: r.dossierId,
      dossierCode: r.dossierCode,
      date: DateTime.fromJSDate(r.dueAt, { zone }).toISODate() as string,
    }));
  }

  /** Open obligations a person owns (as casusregisseur, or as coordinator of the owning table), by due date. */
  async mine(principal: Principal): Promise<ObligationView[]> {
    const coordinatorTables = principal.grants
      .filter((g) => g.role === 'coordinator')
      .flatMap((g) => (g.tableKey ? [g.tableKey] : this.obligations.region.tables.map((t) => t.key)));
    return this.list(principal, {
      status: 'open',
      ownedBy: { personId: principal.personId, coordinatorTables },
    });
  }

  async dashboard(principal: Principal): Promise<CoordinatorDashboard> {
    const nowDate = this.clock.now();
    const now = nowDate.getTime();
    const zone = this.obligations.region.timeZone;
    const overdue = (await this.list(principal, { status: 'open', dueBefore: nowDate })).filter(
      (o) => !o.optional,
    );
    const groups = new Map<string, OverdueGroup>();
    for (const o of overdue) {
      const key = o.casusregisseurId ?? '';
      let g = groups.get(key);
      if (!g) {
        g = {
          casusregisseurId: o.casusregisseurId,
          name:
            o.ownerRole === 'coordinator' || !o.casusregisseurName ? 'Coördinatoren' : o.casusregisseurName,
          organisation: o.organisationName ?? '—',
          obligations: [],
        };
        groups.set(key, g);
      }
      g.obligations.push(o);
    }
    const byOrganisation = new Map<string, number>();
    for (const o of overdue) {
      const org = o.organisationName ?? '—';
      byOrganisation.set(org, (byOrganisation.get(org) ?? 0) + 1);
    }
    const until = DateTime.fromMillis(now, { zone }).plus({ days: UPCOMING_DAYS }).toJSDate();
    const next30Days = await this.list(principal, { status: 'open', dueFrom: nowDate, dueBefore: until });
    return {
      now: DateTime.fromMillis(now, { zone }).toISO() as string,
      overdueByCasusregisseur: [...groups.values()].sort(
        (a, b) => b.obligations.length - a.obligations.length || a.name.localeCompare(b.name, 'nl'),
      ),
      overdueByOrganisation: [...byOrganisation]
        .map(([organisation, count]) => ({ organisation, count }))
        .sort((a, b) => b.count - a.count || a.organisation.localeCompare(b.organisation, 'nl')),
      next30Days,
      tables: await this.tableLoads(principal.regionId),
    };
  }

  /** Per table, the coming sessions with the minutes of placed items against their capacity. */
  async tableLoads(regionId: string): Promise<TableLoad[]> {
    const out: TableLoad[] = [];
    for (const table of this.tables.region.tables) {
      const today = DateTime.fromJSDate(this.clock.now(), { zone: table.timeZone }).startOf('day');
      const sessions = await this.tables.sessions(
        table.key,
        today.toISODate() as string,
        today.plus({ weeks: LOAD_WEEKS }).toISODate() as string,
      );
      const placed = await this.repo.placedMinutes(
        regionId,
        table.key,
        today.minus({ days: 1 }).toJSDate(),
        today.plus({ weeks: LOAD_WEEKS, days: 1 }).toJSDate(),
      );
      const usedByDate = new Map<string, number>();
      for (const p of placed) {
        const date = DateTime.fromJSDate(p.scheduledStart, { zone: table.timeZone }).toISODate() as string;
        usedByDate.set(date, (usedByDate.get(date) ?? 0) + p.minutes);
      }
      out.push({
        key: table.key,
        name: table.name,
        sessions: sessions.map((s) => {
          const used = usedByDate.get(s.scheduledDate) ?? 0;
          return {
            key: s.key,
            date: s.date,
            dateText: dutchDate(DateTime.fromISO(s.start, { setZone: true })),
            status: s.status,
            capacityMinutes: s.capacityMinutes,
            usedMinutes: used,
            percent:
              s.status === 'open' && s.capacityMinutes > 0 ? Math.round((100 * used) / s.capacityMinutes) : 0,
          };
        }),
      });
    }
    return out;
  }

  private async list(
    principal: Principal,
    filter: Omit<ObligationListFilter, 'regionId'>,
  ): Promise<ObligationView[]> {
    const now = this.clock.now().getTime();
    const rows = await this.repo.list({ ...filter, regionId: principal.regionId });
    return this.ordered(rows).map((r) => this.view(r, now));
  }

  /** By due moment, then dossier code, then the order of the region's rules: the same list every time. */
  private ordered(rows: ObligationListRow[]): ObligationListRow[] {
    const ruleOrder = new Map((this.obligations.region.obligations ?? []).map((r, i) => [r.key, i]));
    return [...rows].sort(
      (a, b) =>
        a.dueAt.getTime() - b.dueAt.getTime() ||
        a.dossierCode.localeCompare(b.dossierCode) ||
        (ruleOrder.get(a.ruleKey) ?? 99) - (ruleOrder.get(b.ruleKey) ?? 99) ||
        a.sequence - b.sequence,
    );
  }

  private view(r: ObligationListRow, nowMs: number): ObligationView {
    const zone = this.obligations.region.timeZone;
    const rule = this.obligations.rule(r.ruleKey);
    const due = DateTime.fromJSDate(r.dueAt, { zone });
    const agendering = rule?.agendering;
    return {
      id: r.id,
      dossierId: r.dossierId,
      dossierCode: r.dossierCode,
      ruleKey: r.ruleKey,
      sequence: r.sequence,
      label: rule?.label ?? r.ruleKey,
      explanation: rule?.explanation ?? null,
      optional: rule?.optional === true,
      status: r.status,
      dueAt: due.toISO() as string,
      dueDate: due.toISODate() as string,
      dueText: dutchDateTime(due),
      overdue: r.status === 'open' && r.dueAt.getTime() < nowMs,
      sessionKey: r.sessionKey,
      manual: rule?.fulfilledBy.some((f) => f.kind === 'manual') ?? false,
      agenderingUrl: agendering
        ? `/agendering/nieuw?${new URLSearchParams({ dossier: r.dossierCode, tafel: agendering.table, type: agendering.itemType }).toString()}`
        : null,
      ownerRole: r.ownerRole,
      casusregisseurId: r.casusregisseurId,
      casusregisseurName: r.casusregisseurName,
      organisationName: r.organisationName,
      fulfilledAt: r.fulfilledAt ? (DateTime.fromJSDate(r.fulfilledAt, { zone }).toISO() as string) : null,
      fulfilmentKind: r.fulfilmentKind,
      cancelledAt: r.cancelledAt ? (DateTime.fromJSDate(r.cancelledAt, { zone }).toISO() as string) : null,
    };
  }
}
