import { randomUUID } from 'node:crypto';
import type {
  AgendaItemRecord,
  AgendaItemRepository,
  CoordinatorOverride,
  ItemPlacement,
  NewAgendaItem,
  Transaction,
} from '@overlegtafels/application/testing';
import { FakeTable } from './fake-unit-of-work';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type FakeAgendaItem = Mutable<AgendaItemRecord> & {
  overriddenById: string | null;
  sharedWithSession: boolean;
};

/** An agendapunt with defaults: placed, 30 minutes, not pinned. */
export function agendaItemRecord(
  fields: Partial<FakeAgendaItem> & Pick<AgendaItemRecord, 'sessionId'>,
): FakeAgendaItem {
  return {
    id: randomUUID(),
    dossierId: randomUUID(),
    tableKey: 'ico',
    itemType: 'bespreking',
    durationMinutes: 30,
    position: 1,
    slotStart: null,
    slotEnd: null,
    status: 'placed',
    submittedAt: new Date(0),
    submittedById: 'person-1',
    originalSessionId: null,
    pinned: false,
    pinnedPosition: null,
    overrideReason: null,
    lateReason: null,
    icsSequence: 0,
    overriddenById: null,
    sharedWithSession: false,
    ...fields,
  };
}

/** The agendapunten in memory, written as the Prisma implementation writes them. */
export class FakeAgendaItemRepository implements AgendaItemRepository {
  readonly rows: FakeTable<FakeAgendaItem>;
  readonly writes: { method: string; id: string; tx: Transaction | undefined }[] = [];

  constructor(rows: readonly FakeAgendaItem[] = []) {
    this.rows = new FakeTable(rows);
  }

  async item(id: string): Promise<AgendaItemRecord | undefined> {
    return this.rows.get(id);
  }

  async activeItems(_tx: Transaction, sessionIds: readonly string[]): Promise<AgendaItemRecord[]> {
    return this.rows
      .where((r) => sessionIds.includes(r.sessionId) && (r.status === 'placed' || r.status === 'rolled_over'))
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  }

  async createItem(tx: Transaction, item: NewAgendaItem): Promise<AgendaItemRecord> {
    const { guests: _guests, aanmeldingId: _a, question: _q, documentId: _d, ...fields } = item;
    const row = agendaItemRecord({ ...fields, id: item.id ?? randomUUID(), status: 'placed' });
    this.writes.push({ method: 'createItem', id: row.id, tx });
    return this.rows.put(row);
  }

  async place(tx: Transaction, id: string, p: ItemPlacement): Promise<void> {
    this.write(tx, 'place', id, {
      sessionId: p.sessionId,
      position: p.position,
      slotStart: p.slotStart,
      slotEnd: p.slotEnd,
      status: p.rolledOver ? 'rolled_over' : 'placed',
      originalSessionId: p.originalSessionId,
      ...(p.dropPin && { pinned: false, pinnedPosition: null }),
    });
  }

  async pinToSession(tx: Transaction, id: string, sessionId: string, o: CoordinatorOverride): Promise<void> {
    this.write(tx, 'pinToSession', id, { sessionId, pinned: true, pinnedPosition: null, ...overrideOf(o) });
  }

  async pinAtPosition(tx: Transaction, id: string, position: number, o: CoordinatorOverride): Promise<void> {
    this.write(tx, 'pinAtPosition', id, { pinned: true, pinnedPosition: position, ...overrideOf(o) });
  }

  async acceptLate(
    tx: Transaction,
    id: string,
    slot: { sessionId: string; position: number; slotStart: Date; slotEnd: Date },
    o: CoordinatorOverride,
  ): Promise<void> {
    this.write(tx, 'acceptLate', id, {
      ...slot,
      pinned: true,
      pinnedPosition: null,
      ...overrideOf(o),
      lateReason: o.reason,
      status: 'placed',
      originalSessionId: null,
    });
  }

  async unpin(tx: Transaction, id: string): Promise<void> {
    this.write(tx, 'unpin', id, { pinned: false, pinnedPosition: null });
  }

  async reslot(
    tx: Transaction,
    id: string,
    slot: { position: number; slotStart: Date; slotEnd: Date },
  ): Promise<void> {
    this.write(tx, 'reslot', id, slot);
  }

  async markDiscussed(tx: Transaction, id: string): Promise<void> {
    this.write(tx, 'markDiscussed', id, { status: 'discussed' });
  }

  async setShared(tx: Transaction, id: string, shared: boolean): Promise<void> {
    this.write(tx, 'setShared', id, { sharedWithSession: shared });
  }

  private write(
    tx: Transaction | undefined,
    method: string,
    id: string,
    change: Partial<FakeAgendaItem>,
  ): void {
    if (!this.rows.get(id)) throw new Error(`fake: no agenda item ${id}`);
    this.writes.push({ method, id, tx });
    this.rows.update(id, change);
  }
}

function overrideOf(o: CoordinatorOverride): Pick<FakeAgendaItem, 'overrideReason' | 'overriddenById'> {
  return { overrideReason: o.reason, overriddenById: o.byPersonId };
}
