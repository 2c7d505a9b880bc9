import { DateTime } from 'luxon';
import type { PrismaClient } from '../generated/prisma/client';

/** Fictitious data for agenda-mailing tests: example.org / example.be, invented names. */

export function brussels(iso: string): Date {
  const value = DateTime.fromISO(iso, { zone: 'Europe/Brussels' });
  if (!value.isValid) throw new Error(`bad test time ${iso}`);
  return value.toJSDate();
}

export interface ItemSpec {
  dossierCode: string;
  itemType: string;
  durationMinutes?: number;
  /** Brussels wall time of the slot start; the end follows from the duration. */
  slot?: string;
  /** E-mail of the (seeded) person who submitted it; default the dossier's casusregisseur. */
  submittedBy?: string;
  question?: string;
  guests?: {
    kind: 'aanmelder' | 'consulent' | 'expert';
    personEmail?: string;
    email?: string;
    name?: string;
  }[];
  /** The item was carried here from this session. */
  originalSessionId?: string;
  status?: 'placed' | 'rolled_over';
}

/** The session row of a table at a series date, created when the planning cron has not made it yet. */
export async function sessionRow(
  db: PrismaClient,
  tableKey: string,
  start: string,
  end: string,
): Promise<string> {
  const region = await db.region.findUniqueOrThrow({ where: { key: 'co3-antwerpen' }, select: { id: true } });
  const scheduledStart = brussels(start);
  const row = await db.session.upsert({
    where: { regionId_tableKey_scheduledStart: { regionId: region.id, tableKey, scheduledStart } },
    create: {
      regionId: region.id,
      tableKey,
      scheduledStart,
      startsAt: scheduledStart,
      endsAt: brussels(end),
    },
    update: {},
    select: { id: true },
  });
  return row.id;
}

export async function personId(db: PrismaClient, email: string): Promise<string> {
  return (await db.person.findFirstOrThrow({ where: { email }, select: { id: true } })).id;
}

/** Puts items on a session, in the order given (positions 1, 2, …). */
export async function addItems(
  db: PrismaClient,
  sessionId: string,
  tableKey: string,
  items: readonly ItemSpec[],
): Promise<string[]> {
  const ids: string[] = [];
  let position = 1;
  for (const spec of items) {
    const dossier = await db.dossier.findUniqueOrThrow({
      where: { code: spec.dossierCode },
      select: { id: true, casusregisseurId: true, aanmelderId: true },
    });
    const submittedById = spec.submittedBy
      ? await personId(db, spec.submittedBy)
      : (dossier.casusregisseurId ?? dossier.aanmelderId);
    const duration = spec.durationMinutes ?? 30;
    const slotStart = spec.slot ? brussels(spec.slot) : null;
    const item = await db.agendaItem.create({
      data: {
        sessionId,
        dossierId: dossier.id,
        tableKey,
        itemType: spec.itemType,
        durationMinutes: duration,
        position: position++,
        slotStart,
        slotEnd: slotStart ? new Date(slotStart.getTime() + duration * 60_000) : null,
        status: spec.status ?? 'placed',
        submittedById,
        question: spec.question ?? null,
        originalSessionId: spec.originalSessionId ?? null,
      },
      select: { id: true },
    });
    for (const guest of spec.guests ?? []) {
      await db.agendaItemGuest.create({
        data: {
          agendaItemId: item.id,
          kind: guest.kind,
          personId: guest.personEmail ? await personId(db, guest.personEmail) : null,
          email: guest.email ?? null,
          name: guest.name ?? null,
        },
      });
    }
    ids.push(item.id);
  }
  return ids;
}

/** Standing members of a table (active people with a standing membership), by e-mail. */
export async function standingMemberEmails(db: PrismaClient, tableKey: string): Promise<string[]> {
  const rows = await db.tableMembership.findMany({
    where: { tableKey, standing: true, person: { active: true } },
    select: { person: { select: { email: true } } },
  });
  return rows.map((r) => r.person.email).sort();
}
