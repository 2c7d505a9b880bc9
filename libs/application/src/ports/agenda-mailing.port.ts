import type { AgendaItemStatus } from './agenda-item.repository.port';
import type { OutboxMail, PendingMail } from './mail-outbox.port';
import type { Transaction } from './unit-of-work.port';

/** A person an agenda mail may go to or name (the organisation only, never in a subject). */
export interface MailingPerson {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  organisationName: string | null;
}

/** A guest of an item's slot: a person of the service, or an address only. */
export interface MailingGuest {
  kind: 'aanmelder' | 'consulent' | 'expert';
  person: MailingPerson | null;
  email: string | null;
  name: string | null;
}

/** An agendapunt as its mails show it: its slot, its dossier's code and who is concerned. */
export interface MailingItem {
  id: string;
  sessionId: string;
  originalSessionId: string | null;
  itemType: string;
  durationMinutes: number;
  position: number;
  slotStart: Date | null;
  slotEnd: Date | null;
  status: AgendaItemStatus;
  icsSequence: number;
  dossierId: string;
  dossierCode: string;
  casusregisseur: MailingPerson | null;
  submittedBy: MailingPerson;
  guests: MailingGuest[];
}

/** Someone who holds a calendar entry (the last invitation they got for it was a REQUEST). */
export interface EntryHolder {
  email: string;
  personId: string | null;
  name?: string;
  /** The kind of the person's organisation (politie, caw, …), for the verslag's attendance. */
  organisationKind?: string | null;
}

/** Which calendar entry: a session's own (for its standing members) or one item's slot. */
export type CalendarEntry = { readonly sessionId: string } | { readonly agendaItemId: string };

/** Did a mail of one of these purposes about this item, for this session, go to this address? */
export interface MailAboutQuery {
  readonly agendaItemId: string;
  readonly sessionId: string;
  readonly email: string;
  readonly purposes: string[];
}

/**
 * What the agenda's mails read and write besides the session rows: the items and who is to hear
 * about them, who holds a calendar entry, and the outbox rows a change writes in its own
 * transaction.
 */
export abstract class AgendaMailing {
  abstract item(tx: Transaction, id: string): Promise<MailingItem | undefined>;
  /** The items still to be discussed on a session, in agenda order. */
  abstract itemsOn(tx: Transaction, sessionId: string): Promise<MailingItem[]>;
  /** Items that were on this session and were carried to a later one. */
  abstract rolledOutOf(tx: Transaction, sessionId: string): Promise<MailingItem[]>;
  /** The active standing members of a table: they receive every agenda. */
  abstract standingMembers(tx: Transaction, regionId: string, tableKey: string): Promise<MailingPerson[]>;
  /** The active coordinators of the table (or of every table of the region), in a stable order. */
  abstract tableCoordinators(tx: Transaction, regionId: string, tableKey: string): Promise<MailingPerson[]>;
  /** Whose latest invitation for the entry was a REQUEST. */
  abstract entryHolders(tx: Transaction, entry: CalendarEntry): Promise<EntryHolder[]>;
  abstract hasMailAbout(tx: Transaction, query: MailAboutQuery): Promise<boolean>;
  /** The item's calendar entry changes: its next SEQUENCE. */
  abstract bumpItemSequence(tx: Transaction, itemId: string): Promise<number>;
  /** Writes the messages whose key is new; every row of the batch still to be sent. */
  abstract addOutbox(tx: Transaction, messages: readonly OutboxMail[]): Promise<PendingMail[]>;
  /** Of these outbox rows, the ones still to be sent. */
  abstract pendingKeys(ids: readonly string[]): Promise<PendingMail[]>;
}
