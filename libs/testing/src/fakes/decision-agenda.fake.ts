import type { DecisionAgenda, IcoReturn, ItemToDecide, PlacementGuest } from '@overlegtafels/application/testing';
import { AgendaRefusal } from '@overlegtafels/application/testing';
import { holdSession } from '@overlegtafels/domain';
import type { Transaction } from '@overlegtafels/application/testing';
import { FakeTable, Rollbackable } from './fake-unit-of-work';

export interface FakeItemToDecide extends ItemToDecide {
  readonly discussedAt?: Date;
  /** Set on an item the fake placed for a return to the ICO. */
  readonly submittedById?: string;
  readonly guests?: readonly PlacementGuest[];
}

/** The ICO after `at` as the fake places returns: the Friday a fortnight later, 09:30 Brussels. */
export const FAKE_NEXT_ICO_DAYS = 14;

/**
 * The agenda side of a decision in memory: items with their session; `returnToIco` places a
 * herbespreking (or, with `noIcoPlanned`, refuses as the real placement does).
 */
export class FakeDecisionAgenda implements DecisionAgenda, Rollbackable {
  readonly items: FakeTable<FakeItemToDecide>;
  /** Sessions this fake marked held, by id, with when. */
  private held = new Map<string, Date>();
  noIcoPlanned = false;
  private ids = 0;

  constructor(items: readonly FakeItemToDecide[] = []) {
    this.items = new FakeTable(items);
  }

  async itemToDecide(_tx: Transaction, itemId: string): Promise<ItemToDecide | undefined> {
    const item = this.items.get(itemId);
    if (!item) return undefined;
    const heldAt = this.held.get(item.session.id);
    return heldAt ? { ...item, session: { ...item.session, status: 'held' } } : item;
  }

  async markDiscussed(_tx: Transaction, item: ItemToDecide, at: Date): Promise<void> {
    this.items.update(item.id, { status: 'discussed', discussedAt: at });
    const held = holdSession(item.session);
    if (held.ok && held.changed) this.held.set(item.session.id, at);
  }

  /** The session a return lands on: `nextIco` when set, else 14 days after the decision. */
  nextIco?: { id: string; startsAt: Date; agendaSendAt: Date };

  async returnToIco(
    _tx: Transaction,
    dossierId: string,
    submittedById: string,
    at: Date,
    guests: readonly PlacementGuest[],
  ): Promise<IcoReturn> {
    if (this.noIcoPlanned)
      throw new AgendaRefusal('NO_SESSION_IN_RANGE', 'Er is het komende jaar geen ICO gepland.');
    const id = `ico-return-${++this.ids}`;
    const later = new Date(at.getTime() + FAKE_NEXT_ICO_DAYS * 86_400_000);
    const next = this.nextIco ?? {
      id: `ico-after-${at.toISOString()}`,
      startsAt: later,
      agendaSendAt: later,
    };
    this.items.put({
      id,
      dossierId,
      tableKey: 'ico',
      itemType: 'herbespreking',
      status: 'placed',
      session: { id: next.id, status: 'planned', startsAt: next.startsAt },
      submittedById,
      guests: guests.map((g) => ({ ...g })),
    });
    return { itemId: id, sessionId: next.id, sessionStart: next.startsAt, agendaSendAt: next.agendaSendAt };
  }

  heldAt(sessionId: string): Date | undefined {
    return this.held.get(sessionId);
  }

  snapshot(): unknown {
    return [this.items.snapshot(), new Map(this.held)];
  }

  restore(snapshot: unknown): void {
    const [items, held] = snapshot as [unknown, Map<string, Date>];
    this.items.restore(items);
    this.held = held;
  }
}
