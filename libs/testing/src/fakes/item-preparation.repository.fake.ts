import type {
  ItemPreparationRepository,
  PreparationItemContext,
  PreparationRecord,
  PreparationWrite,
  TablePartner,
  TableSeat,
  Transaction,
} from '@overlegtafels/application/testing';
import { FakeTable, type Rollbackable } from './fake-unit-of-work';

export interface FakeSeat extends TableSeat {
  readonly regionId: string;
  readonly tableKey: string;
}

/**
 * The preparations in memory: the items (with session and dossier) and the seats at the tables
 * are given; the entries are a table that rolls back with a FakeUnitOfWork. The partners are the
 * organisations of the seats with function `lid`, by name, as the real one finds them.
 */
export class FakeItemPreparationRepository implements ItemPreparationRepository, Rollbackable {
  readonly entries = new FakeTable<PreparationRecord>();
  private readonly emails = new Map<string, { email: string; displayName: string }>();
  private next = 1;

  constructor(
    readonly items: PreparationItemContext[] = [],
    readonly seats: FakeSeat[] = [],
    people: Record<string, { email: string; displayName: string }> = {},
  ) {
    for (const [id, p] of Object.entries(people)) this.emails.set(id, p);
  }

  async itemContext(itemId: string): Promise<PreparationItemContext | undefined> {
    return this.items.find((i) => i.itemId === itemId);
  }

  async sessionItems(sessionId: string): Promise<PreparationItemContext[]> {
    return this.items.filter((i) => i.session.id === sessionId).sort((a, b) => a.position - b.position);
  }

  async seatOf(regionId: string, tableKey: string, personId: string): Promise<TableSeat | undefined> {
    const seat = this.seats.find(
      (s) => s.regionId === regionId && s.tableKey === tableKey && s.personId === personId,
    );
    if (!seat) return undefined;
    const { regionId: _r, tableKey: _t, ...rest } = seat;
    return rest;
  }

  async partners(regionId: string, tableKey: string): Promise<TablePartner[]> {
    const byOrg = new Map<string, TablePartner & { members: TablePartner['members'][number][] }>();
    for (const s of this.seats) {
      if (s.regionId !== regionId || s.tableKey !== tableKey || s.function !== 'lid' || !s.organisationId)
        continue;
      const partner = byOrg.get(s.organisationId) ?? {
        organisationId: s.organisationId,
        organisationName: s.organisationName!,
        organisationKind: s.organisationKind!,
        members: [],
      };
      const p = this.emails.get(s.personId) ?? {
        email: `${s.personId}@example.org`,
        displayName: s.personId,
      };
      partner.members.push({ personId: s.personId, ...p });
      byOrg.set(s.organisationId, partner);
    }
    return [...byOrg.values()].sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'nl'));
  }

  async entriesOf(itemIds: readonly string[]): Promise<PreparationRecord[]> {
    return this.entries
      .where((e) => itemIds.includes(e.agendaItemId))
      .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'nl'));
  }

  async save(_tx: Transaction, entry: PreparationWrite): Promise<{ created: boolean }> {
    const [existing] = this.entries.where(
      (e) => e.agendaItemId === entry.agendaItemId && e.organisationId === entry.organisationId,
    );
    const seat = this.seats.find((s) => s.organisationId === entry.organisationId);
    const values = {
      known: entry.known,
      summary: entry.summary,
      riskSignals: entry.riskSignals,
      visibility: entry.visibility,
      recordedById: entry.recordedById,
      recordedByName: this.emails.get(entry.recordedById)?.displayName ?? entry.recordedById,
      updatedAt: entry.at,
    };
    if (existing) {
      this.entries.update(existing.id, values);
      return { created: false };
    }
    this.entries.put({
      id: `prep-${this.next++}`,
      agendaItemId: entry.agendaItemId,
      organisationId: entry.organisationId,
      organisationName: seat?.organisationName ?? entry.organisationId,
      ...values,
    });
    return { created: true };
  }

  snapshot(): unknown {
    return this.entries.snapshot();
  }

  restore(snapshot: unknown): void {
    this.entries.restore(snapshot);
  }
}
