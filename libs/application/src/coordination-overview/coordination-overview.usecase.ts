import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { dutchDate } from '@overlegtafels/mail';
import { parseInput } from '../input/parse-input';
import { AuditLog, dossierCodesShown } from '../ports/audit-log.port';
import { ObligationReadModel } from '../ports/obligation-read-model.port';
import { ObligationRules } from '../obligations/obligation-rules';
import {
  cursorOf,
  cursorToken,
  filterText,
  OBLIGATION_PAGE_SIZE,
  ObligationListSchema,
  pageFilterOf,
  ruleOrderOf,
  upcomingEndOf,
} from '../obligations/obligation-page';
import { obligationView } from '../obligations/obligation-view';
import { TableCalendarService } from '../table-calendar/table-calendar.service';
import type {
  CoordinationOverviewCommand,
  CoordinatorDashboard,
  OverdueGroup,
  TableLoad,
} from './coordination-overview.command';

const LOAD_WEEKS = 8;

/**
 * The coordinators' dashboard: how many required obligations are overdue (optional ones aside),
 * per casusregisseur and per organisation, counted over all of them; how many fall due in the
 * coming 30 days; the region's open obligations, overdue first and then the nearest, fifty a page
 * with the total, narrowed by dossier code, casusregisseur, organisation, kind and due period; how
 * full the coming sessions of each table are. The read is audited (counts and the codes shown).
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
    const { route, ...fields } = command;
    const query = parseInput(ObligationListSchema, fields);
    const nowDate = this.clock.now();
    const zone = this.rules.timeZone;
    const regionId = principal.regionId;
    const optionalRules = (this.rules.region.obligations ?? []).filter((r) => r.optional).map((r) => r.key);
    const ruleOrder = ruleOrderOf(this.rules);
    const counts = await this.reads.overdueCounts({
      regionId,
      dueBefore: nowDate,
      excludeRuleKeys: optionalRules,
    });
    const upcoming = await this.reads.page(
      { regionId, dueFrom: nowDate, dueBefore: upcomingEndOf(nowDate, zone) },
      ruleOrder,
      undefined,
      0,
    );
    const page = await this.reads.page(
      pageFilterOf(query, { regionId }, this.rules, nowDate),
      ruleOrder,
      query.after ? cursorOf(query.after) : undefined,
      query.limit ?? OBLIGATION_PAGE_SIZE,
    );
    const groups: OverdueGroup[] = counts.map((c) => ({
      casusregisseurId: c.coordinators ? null : c.casusregisseurId,
      name: c.coordinators || !c.casusregisseurName ? 'Coördinatoren' : c.casusregisseurName,
      organisationId: c.coordinators ? null : c.organisationId,
      organisation: (!c.coordinators && c.organisationName) || '—',
      count: c.count,
    }));
    const byOrganisation = new Map<
      string,
      { organisationId: string | null; organisation: string; count: number }
    >();
    for (const g of groups) {
      const key = g.organisationId ?? '';
      const org = byOrganisation.get(key) ?? {
        organisationId: g.organisationId,
        organisation: g.organisation,
        count: 0,
      };
      org.count += g.count;
      byOrganisation.set(key, org);
    }
    const overdue = groups.reduce((n, g) => n + g.count, 0);
    const rows = page.rows.map((r) => obligationView(r, this.rules, nowDate.getTime()));
    const dashboard: CoordinatorDashboard = {
      now: DateTime.fromJSDate(nowDate, { zone }).toISO() as string,
      overdue,
      overdueByCasusregisseur: groups.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'nl')),
      overdueByOrganisation: [...byOrganisation.values()].sort(
        (a, b) => b.count - a.count || a.organisation.localeCompare(b.organisation, 'nl'),
      ),
      upcoming: upcoming.total,
      obligations: {
        rows,
        total: page.total,
        ...(page.next && { next: cursorToken(page.next) }),
        query,
      },
      tables: await this.tableLoads(regionId),
    };
    const narrowedBy = filterText(query);
    await this.audit.append(
      {
        actorPersonId: principal.personId,
        action: 'obligation.dashboard',
        entityType: 'obligation',
        entityId: null,
        outcome: 'allowed',
        route,
        details: {
          overdue,
          upcoming: upcoming.total,
          count: rows.length,
          total: page.total,
          codes: dossierCodesShown(rows.map((o) => o.dossierCode)),
          ...(narrowedBy && { filter: narrowedBy }),
          ...(query.after && { after: query.after }),
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
}
