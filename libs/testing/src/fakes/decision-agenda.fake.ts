import type { DecisionAgenda, ItemToDecide } from '@overlegtafels/application';
import { AgendaRefusal } from '@overlegtafels/application';
import { holdSession } from '@overlegtafels/domain';
import type { Transaction } from '@overlegtafels/application';
import { FakeTable, Rollbackable } from './fake-unit-of-work';

export interface FakeItemToDecide extends ItemToDecide {
  readonly discussedAt?: Date;
  /** Set on an item the fake placed for a return to the ICO. */
  readonly submittedById?: string;
}

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

  async returnToIco(_tx: Transaction, dossierId: string, submittedById: string, at: Date): Promise<string> {
    if (this.noIcoPlanned)
      throw new AgendaRefusal('NO_SESSION_IN_RANGE', 'Er is het komende jaar geen ICO gepland.');
    const id = `ico-return-${++this.ids}`;
    this.items.put({
      id,
      dossierId,
      tableKey: 'ico',
      itemType: 'herbespreking',
      status: 'placed',
      session: { id: `ico-after-${at.toISOString()}`, status: 'planned', startsAt: at },
      submittedById,
    });
    return id;
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
