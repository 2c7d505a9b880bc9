import type { ArchivedSession, ArchiveSearch } from '@overlegtafels/application';
import { Prisma } from '../generated/prisma/client';

/** The agendapunten a verslag speaks of: those placed on the session or discussed there. */
const HELD_ITEMS: Prisma.AgendaItemWhereInput = { status: { in: ['placed', 'discussed'] } };

export const archiveSelect = {
  id: true,
  startsAt: true,
  minutes: { select: { closedAt: true } },
  agendaItems: {
    where: HELD_ITEMS,
    select: {
      id: true,
      sharedWithSession: true,
      dossier: { select: { code: true, casusregisseurId: true, aanmelderId: true } },
    },
    orderBy: { position: 'asc' },
  },
} satisfies Prisma.SessionSelect;

export function archivedSessionOf(
  r: Prisma.SessionGetPayload<{ select: typeof archiveSelect }>,
): ArchivedSession {
  return {
    id: r.id,
    startsAt: r.startsAt,
    minutesClosed: r.minutes?.closedAt != null,
    items: r.agendaItems.map((i) => ({
      id: i.id,
      dossierCode: i.dossier.code,
      casusregisseurId: i.dossier.casusregisseurId,
      aanmelderId: i.dossier.aanmelderId,
      sharedWithSession: i.sharedWithSession,
    })),
  };
}

/** The sessions whose item of the dossier the reader may read in the verslag (the use case's rule, in SQL). */
export function archiveCodeFilter(code: string, reader: ArchiveSearch['reader']): Prisma.SessionWhereInput {
  if (reader.writer) return { agendaItems: { some: { ...HELD_ITEMS, dossier: { code } } } };
  return {
    minutes: { is: { closedAt: { not: null } } },
    agendaItems: {
      some: {
        ...HELD_ITEMS,
        dossier: { code },
        OR: [
          { dossier: { casusregisseurId: reader.personId } },
          { dossier: { aanmelderId: reader.personId } },
          ...(reader.member ? [{ sharedWithSession: true }] : []),
        ],
      },
    },
  };
}
