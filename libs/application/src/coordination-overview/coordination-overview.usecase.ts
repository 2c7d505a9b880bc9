import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { dutchDate } from '@overlegtafels/mail';
import { AuditLog, dossierCodesShown } from '../ports/audit-log.port';
import { ObligationListFilter, ObligationReadModel } from '../ports/obligation-read-model.port';
import { ObligationRules } from '../obligations/obligation-rules';
import { obligationView, ObligationView, orderObligations } from '../obligations/obligation-view';
import { TableCalendarService } from '../table-calendar/table-calendar.service';
import type {
  CoordinationOverviewCommand,
  CoordinatorDashboard,
  OverdueGroup,
  TableLoad,
} from './coordination-overview.command';

const UPCOMING_DAYS = 30;
const LOAD_WEEKS = 8;

/**
 * The coordinators' dashboard: what is overdue (optional obligations aside), per casusregisseur
 * and per organisation; what is due in the next 30 days; how full the coming sessions of each
 * table are. The read is audited (counts only).
 */
@Injectable()
export class CoordinationOverviewUseCase {
  constructor(
    @Inject(ObligationReadModel) private readonly reads: ObligationReadModel,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(TableCalendarService) private readonly tables: TableCalendarService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, command: CoordinationOverviewCommand): Promise<CoordinatorDashboard> {
    const nowDate = this.clock.now();
    const zone = this.rules.timeZone;
    const overdue = (await this.list(principal, { status: 'open', dueBefore: nowDate })).filter(
      (o) => !o.optional,
    );
    const groups = new Map<string, OverdueGroup>();
    const byOrganisation = new Map<string, number>();
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
      const org = o.organisationName ?? '—';
      byOrganisation.set(org, (byOrganisation.get(org) ?? 0) + 1);
    }
    const now = DateTime.fromJSDate(nowDate, { zone });
    const until = now.plus({ days: UPCOMING_DAYS }).toJSDate();
    const next30Days = await this.list(principal, { status: 'open', dueFrom: nowDate, dueBefore: until });
    const dashboard: CoordinatorDashboard = {
      now: now.toISO() as string,
      overdueByCasusregisseur: [...groups.values()].sort(
        (a, b) => b.obligations.length - a.obligations.length || a.name.localeCompare(b.name, 'nl'),
      ),
      overdueByOrganisation: [...byOrganisation]
        .map(([organisation, count]) => ({ organisation, count }))
        .sort((a, b) => b.count - a.count || a.organisation.localeCompare(b.organisation, 'nl')),
      next30Days,
      tables: await this.tableLoads(principal.regionId),
    };
    await this.audit.append(
      {
        actorPersonId: principal.personId,
        action: 'obligation.dashboard',
        entityType: 'obligation',
        entityId: null,
        outcome: 'allowed',
        route: command.route,
        details: {
          overdue: overdue.length,
          upcoming: next30Days.length,
          codes: dossierCodesShown([...overdue, ...next30Days].map((o) => o.dossierCode)),
        },
      },
      this.clock.now(),
    );
    return dashboard;
  }

  /** Per table, the coming sessions with the minutes of placed items against their capacity. */
  private async tableLoads(regionId: string): Promise<TableLoad[]> {
    const out: TableLoad[] = [];
    for (const table of this.rules.region.tables) {
      const today = DateTime.fromJSDate(this.clock.now(), { zone: table.timeZone }).startOf('day');
      const sessions = await this.tables.sessions(
        table.key,
        today.toISODate() as string,
        today.plus({ weeks: LOAD_WEEKS }).toISODate() as string,
      );
      const placed = await this.reads.placedMinutes(
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
    const nowMs = this.clock.now().getTime();
    const rows = await this.reads.list({ ...filter, regionId: principal.regionId });
    return orderObligations(rows, this.rules).map((r) => obligationView(r, this.rules, nowMs));
  }
}
