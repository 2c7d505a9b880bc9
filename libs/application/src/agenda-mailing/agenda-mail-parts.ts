import type { TableDefinition } from '@overlegtafels/domain';
import type { MailingItem } from '../ports/agenda-mailing.port';
import type { OutboxMail } from '../ports/mail-outbox.port';
import type { Transaction } from '../ports/unit-of-work.port';

/**
 * The outbox rows of one change, collected before they are written in its transaction — which
 * the batch names, so that what its mails still read (the recipients' reminder choices) is read
 * there too. A read on another connection would wait for the pool while this transaction holds
 * the table's lock, and with as many requests waiting for that lock as the pool has connections
 * it waits until the pool gives up (the 503s of concurrent moves, issue #15).
 */
export class OutboxBatch {
  readonly messages: OutboxMail[] = [];
  private readonly keys = new Set<string>();

  constructor(readonly tx: Transaction) {}

  /** The first message of an idempotency key stands; a second one with the same key is left out. */
  push(message: OutboxMail): void {
    if (this.keys.has(message.idempotencyKey)) return;
    this.keys.add(message.idempotencyKey);
    this.messages.push(message);
  }
}

/**
 * "casusregisseur, CAW Regio Noord" or "aanmelder, …": the role that brings the item and its
 * organisation — no person's name — followed by the invited guests' roles. Where the table has the
 * casusregisseur attend for their own item, they bring it; otherwise whoever submitted it.
 */
export function broughtBy(item: MailingItem, table: TableDefinition): string {
  const regisseurBrings =
    item.casusregisseur !== null &&
    table.participants.some(
      (p) => 'role' in p && p.role === 'casusregisseur' && p.attendance === 'eigen-agendapunt',
    );
  const who = regisseurBrings ? item.casusregisseur! : item.submittedBy;
  const role = regisseurBrings ? 'casusregisseur' : 'aanmelder';
  const main = who.organisationName ? `${role}, ${who.organisationName}` : role;
  const guests = [...new Set(item.guests.map((g) => g.kind).filter((k) => k !== role))];
  return guests.length ? `${main}; met ${guests.join(', ')}` : main;
}
