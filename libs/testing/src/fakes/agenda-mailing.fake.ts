import type {
  AgendaMailing,
  CalendarEntry,
  EntryHolder,
  MailAboutQuery,
  MailingItem,
  MailingPerson,
  PendingMail,
  Transaction,
} from '@overlegtafels/application/testing';
import type { OutboxMail } from '@overlegtafels/application/testing';
import { FakeTable } from './fake-unit-of-work';
import { FakeMailOutbox } from './mail-outbox.fake';

/**
 * What agenda mailing reads and writes, in memory: the items (the ones still to discuss, in
 * agenda order, as the real query returns them), the tables' standing members, and the outbox,
 * which is also the record of who holds which calendar entry, as in the database.
 */
export class FakeAgendaMailing implements AgendaMailing {
  readonly items: FakeTable<MailingItem>;
  private readonly members = new Map<string, MailingPerson[]>();
  private readonly coordinators = new Map<string, MailingPerson[]>();

  constructor(
    items: readonly MailingItem[] = [],
    readonly outbox = new FakeMailOutbox(),
  ) {
    this.items = new FakeTable(items);
  }

  /** The active standing members of a table (the test gives only active ones). */
  withMembers(regionId: string, tableKey: string, people: readonly MailingPerson[]): this {
    this.members.set(`${regionId}|${tableKey}`, [...people]);
    return this;
  }

  /** The active coordinators of a table. */
  withCoordinators(regionId: string, tableKey: string, people: readonly MailingPerson[]): this {
    this.coordinators.set(`${regionId}|${tableKey}`, [...people]);
    return this;
  }

  async tableCoordinators(_tx: Transaction, regionId: string, tableKey: string): Promise<MailingPerson[]> {
    return structuredClone(this.coordinators.get(`${regionId}|${tableKey}`) ?? []);
  }

  async item(_tx: Transaction, id: string): Promise<MailingItem | undefined> {
    const found = this.items.get(id);
    return found && structuredClone(found);
  }

  async itemsOn(_tx: Transaction, sessionId: string): Promise<MailingItem[]> {
    return this.items
      .where((i) => i.sessionId === sessionId && (i.status === 'placed' || i.status === 'rolled_over'))
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  }

  async rolledOutOf(_tx: Transaction, sessionId: string): Promise<MailingItem[]> {
    return this.items
      .where(
        (i) => i.originalSessionId === sessionId && i.status === 'rolled_over' && i.sessionId !== sessionId,
      )
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  }

  async standingMembers(_tx: Transaction, regionId: string, tableKey: string): Promise<MailingPerson[]> {
    return structuredClone(this.members.get(`${regionId}|${tableKey}`) ?? []);
  }

  async entryHolders(_tx: Transaction, entry: CalendarEntry): Promise<EntryHolder[]> {
    const invitations = this.outbox.rows
      .where((r) => {
        const m = r.message;
        if (!r.icsMethod) return false;
        return 'sessionId' in entry
          ? m.sessionId === entry.sessionId && !m.agendaItemId
          : m.agendaItemId === entry.agendaItemId;
      })
      .sort((a, b) => (a.message.sequence ?? 0) - (b.message.sequence ?? 0));
    const latest = new Map<string, { holder: EntryHolder; method: string | null | undefined }>();
    for (const row of invitations) {
      const holder = { email: row.recipientEmail, personId: row.message.recipientPersonId ?? null };
      latest.set(row.recipientEmail.toLowerCase(), { holder, method: row.icsMethod });
    }
    return [...latest.values()].filter((v) => v.method === 'REQUEST').map((v) => v.holder);
  }

  async hasMailAbout(_tx: Transaction, q: MailAboutQuery): Promise<boolean> {
    return this.outbox.rows
      .all()
      .some(
        (r) =>
          r.message.agendaItemId === q.agendaItemId &&
          r.message.sessionId === q.sessionId &&
          q.purposes.includes(r.purpose) &&
          r.recipientEmail.toLowerCase() === q.email.toLowerCase(),
      );
  }

  async bumpItemSequence(_tx: Transaction, itemId: string): Promise<number> {
    const item = this.items.get(itemId);
    if (!item) throw new Error(`fake: no item ${itemId}`);
    return this.items.update(itemId, { icsSequence: item.icsSequence + 1 }).icsSequence;
  }

  async addOutbox(tx: Transaction, messages: readonly OutboxMail[]): Promise<PendingMail[]> {
    const rows: PendingMail[] = [];
    for (const message of messages) {
      const { id } = await this.outbox.add(message, tx);
      rows.push({ id, idempotencyKey: message.idempotencyKey });
    }
    return this.pendingKeys(rows.map((r) => r.id));
  }

  async pendingKeys(ids: readonly string[]): Promise<PendingMail[]> {
    return ids
      .map((id) => this.outbox.rows.get(id))
      .filter((r) => r !== undefined && (r.status === 'pending' || r.status === 'sending'))
      .map((r) => ({ id: r!.id, idempotencyKey: r!.idempotencyKey }));
  }
}
