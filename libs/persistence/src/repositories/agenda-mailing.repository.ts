import type {
  AgendaMailing,
  EntryHolder,
  MailingGuest,
  MailingItem,
  MailingPerson,
  OutboxMail,
} from '@overlegtafels/application';
import { on, type Transaction } from '../transaction';
import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { insertOutboxRows } from './outbox-rows';

const personSelect = {
  id: true,
  email: true,
  displayName: true,
  active: true,
  organisation: { select: { name: true } },
} as const;

const itemSelect = {
  id: true,
  sessionId: true,
  originalSessionId: true,
  itemType: true,
  durationMinutes: true,
  position: true,
  slotStart: true,
  slotEnd: true,
  status: true,
  icsSequence: true,
  dossier: { select: { id: true, code: true, casusregisseur: { select: personSelect } } },
  submittedBy: { select: personSelect },
  guests: {
    select: { kind: true, email: true, name: true, person: { select: personSelect } },
    orderBy: { createdAt: 'asc' as const },
  },
} as const;

type PersonRow = {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  organisation: { name: string } | null;
};

function toPerson(p: PersonRow): MailingPerson {
  return {
    id: p.id,
    email: p.email,
    displayName: p.displayName,
    active: p.active,
    organisationName: p.organisation?.name ?? null,
  };
}

/** An item as the query returns it: the model's own fields, the people still as rows. */
type ItemRow = Omit<
  MailingItem,
  'dossierId' | 'dossierCode' | 'casusregisseur' | 'submittedBy' | 'guests'
> & {
  dossier: { id: string; code: string; casusregisseur: PersonRow | null };
  submittedBy: PersonRow;
  guests: {
    kind: MailingGuest['kind'];
    email: string | null;
    name: string | null;
    person: PersonRow | null;
  }[];
};

function toItem(row: ItemRow): MailingItem {
  return {
    id: row.id,
    sessionId: row.sessionId,
    originalSessionId: row.originalSessionId,
    itemType: row.itemType,
    durationMinutes: row.durationMinutes,
    position: row.position,
    slotStart: row.slotStart,
    slotEnd: row.slotEnd,
    status: row.status,
    icsSequence: row.icsSequence,
    dossierId: row.dossier.id,
    dossierCode: row.dossier.code,
    casusregisseur: row.dossier.casusregisseur ? toPerson(row.dossier.casusregisseur) : null,
    submittedBy: toPerson(row.submittedBy),
    guests: row.guests.map((g) => ({
      kind: g.kind,
      email: g.email,
      name: g.name,
      person: g.person ? toPerson(g.person) : null,
    })),
  };
}

/**
 * What agenda mailing reads and writes besides the session rows: the items and their recipients,
 * the outbox. Every write takes the transaction of the change it belongs to.
 */
@Injectable()
export class AgendaMailingRepository implements AgendaMailing {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /** The agenda of a session: the items on it that are still to be discussed, in agenda order. */
  async itemsOn(tx: Transaction, sessionId: string): Promise<MailingItem[]> {
    const rows = await on(tx, this.prisma).agendaItem.findMany({
      where: { sessionId, status: { in: ['placed', 'rolled_over'] } },
      select: itemSelect,
      orderBy: [{ position: 'asc' }, { slotStart: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toItem);
  }

  /** Items that were on this session and were carried to a later one (full or cancelled). */
  async rolledOutOf(tx: Transaction, sessionId: string): Promise<MailingItem[]> {
    const rows = await on(tx, this.prisma).agendaItem.findMany({
      where: { originalSessionId: sessionId, status: 'rolled_over', sessionId: { not: sessionId } },
      select: itemSelect,
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toItem);
  }

  async bumpItemSequence(tx: Transaction, id: string): Promise<number> {
    const row = await on(tx, this.prisma).agendaItem.update({
      where: { id },
      data: { icsSequence: { increment: 1 } },
      select: { icsSequence: true },
    });
    return row.icsSequence;
  }

  async item(tx: Transaction, id: string): Promise<MailingItem | undefined> {
    const row = await on(tx, this.prisma).agendaItem.findUnique({ where: { id }, select: itemSelect });
    return row ? toItem(row) : undefined;
  }

  /** The active standing members of a table: they receive every agenda. */
  async standingMembers(tx: Transaction, regionId: string, tableKey: string): Promise<MailingPerson[]> {
    const rows = await on(tx, this.prisma).tableMembership.findMany({
      where: { regionId, tableKey, standing: true, person: { active: true } },
      select: { person: { select: personSelect } },
      orderBy: { person: { email: 'asc' } },
    });
    return rows.map((r) => toPerson(r.person));
  }

  /** The active coordinators of the table, or of every table of the region, in a stable order. */
  async tableCoordinators(tx: Transaction, regionId: string, tableKey: string): Promise<MailingPerson[]> {
    const rows = await on(tx, this.prisma).person.findMany({
      where: {
        regionId,
        active: true,
        roleAssignments: { some: { role: 'coordinator', OR: [{ tableKey }, { tableKey: null }] } },
      },
      select: personSelect,
      orderBy: { email: 'asc' },
    });
    return rows.map(toPerson);
  }

  /**
   * Who holds the calendar entry of a session (agendaItemId null) or of one item's slot: everyone
   * whose latest invitation for it, in the outbox, was a REQUEST. The outbox is the record of who
   * was invited, so an update or a cancellation reaches exactly them.
   */
  async entryHolders(
    tx: Transaction,
    entry: { sessionId: string } | { agendaItemId: string },
  ): Promise<EntryHolder[]> {
    const where =
      'sessionId' in entry
        ? { sessionId: entry.sessionId, agendaItemId: null }
        : { agendaItemId: entry.agendaItemId };
    const rows = await on(tx, this.prisma).mailOutbox.findMany({
      where: { ...where, icsMethod: { not: null } },
      select: {
        recipientEmail: true,
        recipientPersonId: true,
        icsMethod: true,
        recipientPerson: {
          select: { displayName: true, active: true, organisation: { select: { kind: true } } },
        },
      },
      orderBy: [{ sequence: 'asc' }, { createdAt: 'asc' }],
    });
    const latest = new Map<string, { holder: EntryHolder; method: string | null }>();
    for (const row of rows) {
      latest.set(row.recipientEmail.toLowerCase(), {
        holder: {
          email: row.recipientEmail,
          personId: row.recipientPersonId,
          ...(row.recipientPerson
            ? {
                name: row.recipientPerson.displayName,
                organisationKind: row.recipientPerson.organisation
                  ? row.recipientPerson.organisation.kind
                  : null,
              }
            : {}),
        },
        method: row.icsMethod,
      });
    }
    return [...latest.values()].filter((v) => v.method === 'REQUEST').map((v) => v.holder);
  }

  /** True when a mail of one of these purposes about this item and session went to this address. */
  async hasMailAbout(
    tx: Transaction,
    q: { agendaItemId: string; sessionId: string; email: string; purposes: string[] },
  ): Promise<boolean> {
    const row = await on(tx, this.prisma).mailOutbox.findFirst({
      where: {
        agendaItemId: q.agendaItemId,
        sessionId: q.sessionId,
        purpose: { in: q.purposes },
        recipientEmail: { equals: q.email, mode: 'insensitive' },
      },
      select: { id: true },
    });
    return row !== null;
  }

  /**
   * Inserts the rows whose idempotency key is new, in one statement, and returns every row of the
   * batch (new or existing) that still has to be sent.
   */
  async addOutbox(
    tx: Transaction,
    messages: readonly OutboxMail[],
  ): Promise<{ id: string; idempotencyKey: string }[]> {
    return insertOutboxRows(on(tx, this.prisma), messages);
  }

  /** The idempotency keys of outbox rows still to be sent, for enqueuing their jobs. */
  async pendingKeys(ids: readonly string[]): Promise<{ id: string; idempotencyKey: string }[]> {
    if (ids.length === 0) return [];
    return this.prisma.mailOutbox.findMany({
      where: { id: { in: [...ids] }, status: { in: ['pending', 'sending'] } },
      select: { id: true, idempotencyKey: true },
      orderBy: { createdAt: 'asc' },
    });
  }
}
