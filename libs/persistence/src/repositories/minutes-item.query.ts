import type { MinutesItem } from '@overlegtafels/application';
import { Prisma } from '../generated/prisma/client';

/** The stored guest ids (a JSON array of uuids). */
function guestIdsOf(value: Prisma.JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** An agendapunt of a verslag: its text, the guests who came, its decision and action points. */
export const itemSelect = {
  id: true,
  position: true,
  status: true,
  itemType: true,
  sharedWithSession: true,
  dossierId: true,
  dossier: { select: { code: true, casusregisseurId: true, aanmelderId: true } },
  guests: {
    select: {
      id: true,
      kind: true,
      name: true,
      email: true,
      person: { select: { displayName: true, email: true } },
    },
    orderBy: { createdAt: 'asc' },
  },
  decision: { select: { kind: true, decidedAt: true } },
  minutes: { select: { text: true, guestsPresent: true } },
  actionPoints: {
    select: {
      id: true,
      agendaItemId: true,
      what: true,
      ownerPersonId: true,
      ownerOrganisationId: true,
      dueDate: true,
      obligation: {
        select: {
          id: true,
          status: true,
          fulfilledAt: true,
          fulfilmentNote: true,
          owner: { select: { displayName: true, organisation: { select: { id: true, name: true } } } },
        },
      },
    },
    orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
  },
} satisfies Prisma.AgendaItemSelect;

export type ItemRow = Prisma.AgendaItemGetPayload<{ select: typeof itemSelect }>;

/** Items that were on the agenda when it was held (not withdrawn, not moved on). */
export const HELD_ITEMS: Prisma.AgendaItemWhereInput = { status: { in: ['placed', 'discussed'] } };

export function itemOf(r: ItemRow): MinutesItem {
  return {
    id: r.id,
    position: r.position,
    status: r.status,
    itemType: r.itemType,
    dossierId: r.dossierId,
    dossierCode: r.dossier.code,
    casusregisseurId: r.dossier.casusregisseurId,
    aanmelderId: r.dossier.aanmelderId,
    sharedWithSession: r.sharedWithSession,
    guests: r.guests.map((g) => ({
      id: g.id,
      kind: g.kind,
      name: g.person?.displayName ?? g.name ?? null,
      email: g.person?.email ?? g.email ?? null,
    })),
    decision: r.decision ? { kind: String(r.decision.kind), decidedAt: r.decision.decidedAt } : null,
    text: r.minutes?.text ?? null,
    guestsPresent: guestIdsOf(r.minutes?.guestsPresent),
    actionPoints: r.actionPoints.map((a) => ({
      id: a.id,
      agendaItemId: a.agendaItemId,
      what: a.what,
      ownerPersonId: a.ownerPersonId,
      ownerName: a.obligation.owner?.displayName ?? '',
      ownerOrganisationId: a.ownerOrganisationId,
      ownerOrganisationName: a.ownerOrganisationId ? (a.obligation.owner?.organisation?.name ?? null) : null,
      dueDate: a.dueDate,
      obligationId: a.obligation.id,
      obligationStatus: a.obligation.status,
      fulfilledAt: a.obligation.fulfilledAt,
      fulfilmentNote: a.obligation.fulfilmentNote,
    })),
  };
}
