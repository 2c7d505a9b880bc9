import type {
  ObligationListFilter,
  ObligationListRow,
  ObligationReadModel,
  PlacedMinutes,
} from '@overlegtafels/application/testing';
import { FakeTable } from './fake-unit-of-work';

/** A row for the pages with nothing surprising in it; tests override what matters. */
export function fakeListRow(id: string, change: Partial<ObligationListRow> = {}): ObligationListRow {
  return {
    id,
    dossierId: 'dossier-1',
    dossierCode: 'CO3-2026-0001',
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
  readonly filters: ObligationListFilter[] = [];

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
      .slice(0, f.limit ?? 1000)
      .map(({ regionId: _region, ...row }) => row);
  }

  async placedMinutes(regionId: string, tableKey: string, from: Date, until: Date): Promise<PlacedMinutes[]> {
    return (this.placed.get(`${regionId}|${tableKey}`) ?? []).filter(
      (p) => p.scheduledStart.getTime() >= from.getTime() && p.scheduledStart.getTime() < until.getTime(),
    );
  }
}
