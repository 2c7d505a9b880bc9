import type {
  ObligationCursor,
  ObligationListFilter,
  ObligationListPage,
  ObligationListRow,
  ObligationPageFilter,
  ObligationReadModel,
  OverdueCount,
  PlacedMinutes,
} from '@overlegtafels/application/testing';
import { FakeTable } from './fake-unit-of-work';

/** A row for the pages with nothing surprising in it; tests override what matters. */
export function fakeListRow(id: string, change: Partial<ObligationListRow> = {}): ObligationListRow {
  return {
    id,
    dossierId: 'dossier-1',
    dossierCode: 'CO3-2026-0001',
    life: 1,
    ruleKey: 'eerste-plan-van-aanpak',
    sequence: 1,
    ownerId: null,
    ownerRole: 'casusregisseur',
    tableKey: null,
    itemType: null,
    dueAt: new Date('2026-05-01T10:00:00Z'),
    status: 'open',
    sessionKey: null,
    fulfilledAt: null,
    fulfilmentKind: null,
    fulfilmentNote: null,
    cancelledAt: null,
    casusregisseurId: null,
    casusregisseurName: null,
    organisationId: null,
    organisationName: null,
    ...change,
  };
}

/** The pages' read model over in-memory rows, filtered as the database does. */
export class FakeObligationReadModel implements ObligationReadModel {
  /** Rows with the region of their dossier. */
  readonly rows = new FakeTable<ObligationListRow & { regionId: string }>();
  /** Placed minutes per `<regionId>|<tableKey>`. */
  readonly placed = new Map<string, PlacedMinutes[]>();
  readonly filters: (ObligationListFilter | ObligationPageFilter)[] = [];

  add(row: ObligationListRow, regionId = 'region-1'): this {
    this.rows.put({ ...row, regionId });
    return this;
  }

  async list(filter: ObligationListFilter): Promise<ObligationListRow[]> {
    this.filters.push(filter);
    const f = filter;
    return this.rows
      .where(
        (r) =>
          r.regionId === f.regionId &&
          (!f.dossierId || r.dossierId === f.dossierId) &&
          (!f.obligationId || r.id === f.obligationId) &&
          (!f.status || r.status === f.status) &&
          (!f.dueBefore || r.dueAt.getTime() < f.dueBefore.getTime()) &&
          (!f.dueFrom || r.dueAt.getTime() >= f.dueFrom.getTime()) &&
          (!f.ownedBy ||
            r.ownerId === f.ownedBy.personId ||
            (r.ownerRole === 'coordinator' &&
              r.tableKey !== null &&
              f.ownedBy.coordinatorTables.includes(r.tableKey)) ||
            (r.ownerRole === 'strategisch-coordinator' && f.ownedBy.strategicCoordinator === true)),
      )
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id))
      .map(({ regionId: _region, ...row }) => row);
  }

  async page(
    filter: ObligationPageFilter,
    ruleOrder: readonly string[],
    after: ObligationCursor | undefined,
    limit: number,
  ): Promise<ObligationListPage> {
    this.filters.push(filter);
    const keyOf = (r: ObligationListRow): ObligationCursor => {
      const rank = ruleOrder.indexOf(r.ruleKey);
      return {
        dueAt: r.dueAt,
        dossierCode: r.dossierCode,
        ruleRank: rank < 0 ? ruleOrder.length : rank,
        sequence: r.sequence,
        id: r.id,
      };
    };
    const compare = (a: ObligationCursor, b: ObligationCursor) =>
      a.dueAt.getTime() - b.dueAt.getTime() ||
      (a.dossierCode < b.dossierCode ? -1 : a.dossierCode > b.dossierCode ? 1 : 0) ||
      a.ruleRank - b.ruleRank ||
      a.sequence - b.sequence ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const matching = this.matching(filter).sort((a, b) => compare(keyOf(a), keyOf(b)));
    const rest = after ? matching.filter((r) => compare(keyOf(r), after) > 0) : matching;
    const rows = rest.slice(0, limit);
    const last = rows.at(-1);
    return {
      rows,
      total: matching.length,
      ...(rest.length > limit && last && { next: keyOf(last) }),
    };
  }

  async overdueCounts(filter: ObligationPageFilter): Promise<OverdueCount[]> {
    this.filters.push(filter);
    const counts = new Map<string, OverdueCount>();
    for (const r of this.matching(filter)) {
      const coordinators = r.ownerRole === 'coordinator';
      const key = coordinators ? '' : (r.casusregisseurId ?? '');
      const c = counts.get(key) ?? {
        casusregisseurId: coordinators ? null : r.casusregisseurId,
        casusregisseurName: coordinators ? null : r.casusregisseurName,
        organisationId: coordinators ? null : r.organisationId,
        organisationName: coordinators ? null : r.organisationName,
        coordinators,
        count: 0,
      };
      counts.set(key, { ...c, count: c.count + 1 });
    }
    return [...counts.values()];
  }

  private matching(f: ObligationPageFilter): ObligationListRow[] {
    return this.rows
      .where(
        (r) =>
          r.regionId === f.regionId &&
          r.status === 'open' &&
          (!f.dossierCode || r.dossierCode.toLowerCase().includes(f.dossierCode.toLowerCase())) &&
          (!f.casusregisseurId || r.casusregisseurId === f.casusregisseurId) &&
          (!f.organisationId || r.organisationId === f.organisationId) &&
          (!f.ruleKey || r.ruleKey === f.ruleKey) &&
          (!f.ruleKeyPrefix || r.ruleKey.startsWith(f.ruleKeyPrefix)) &&
          !(f.excludeRuleKeys ?? []).includes(r.ruleKey) &&
          (!f.dueBefore || r.dueAt.getTime() < f.dueBefore.getTime()) &&
          (!f.dueFrom || r.dueAt.getTime() >= f.dueFrom.getTime()) &&
          (!f.ownedBy ||
            r.ownerId === f.ownedBy.personId ||
            (r.ownerRole === 'coordinator' &&
              r.tableKey !== null &&
              f.ownedBy.coordinatorTables.includes(r.tableKey)) ||
            (r.ownerRole === 'strategisch-coordinator' && f.ownedBy.strategicCoordinator === true)),
      )
      .map(({ regionId: _region, ...row }) => row);
  }

  async placedMinutes(regionId: string, tableKey: string, from: Date, until: Date): Promise<PlacedMinutes[]> {
    return (this.placed.get(`${regionId}|${tableKey}`) ?? []).filter(
      (p) => p.scheduledStart.getTime() >= from.getTime() && p.scheduledStart.getTime() < until.getTime(),
    );
  }
}
