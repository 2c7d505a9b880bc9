import type { CasusregisseurChangeRecord, NewCasusregisseurChange } from '@overlegtafels/application';
import type { CasusregisseurChangeReason } from '@overlegtafels/domain';
import type { Tx } from '../../transaction';

type DbReason = 'tijdelijk_naar_definitief' | 'vertrek' | 'andere';

/**
 * The dossier's casusregisseur becomes `toPersonId` and the change is kept, only while
 * `fromPersonId` still directs it (a change recorded meanwhile wins: nothing written, undefined).
 */
export async function changeCasusregisseur(
  db: Tx,
  id: string,
  change: NewCasusregisseurChange,
): Promise<{ id: string } | undefined> {
  const { count } = await db.dossier.updateMany({
    where: { id, casusregisseurId: change.fromPersonId },
    // A new casusregisseur ends the handover to the coordinators after the previous one left.
    data: { casusregisseurId: change.toPersonId, casusregisseurLeftAt: null },
  });
  if (count !== 1) return undefined;
  return db.casusregisseurChange.create({
    data: {
      dossierId: id,
      ...change,
      effectiveDate: new Date(`${change.effectiveDate}T00:00:00.000Z`),
      reason: change.reason.replace(/-/g, '_') as DbReason,
    },
    select: { id: true },
  });
}

/** The changes of a dossier's casusregisseur, in the order they were recorded. */
export async function casusregisseurChangesOf(db: Tx, id: string): Promise<CasusregisseurChangeRecord[]> {
  const rows = await db.casusregisseurChange.findMany({
    where: { dossierId: id },
    orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({
    id: r.id,
    fromPersonId: r.fromPersonId,
    toPersonId: r.toPersonId,
    effectiveDate: r.effectiveDate.toISOString().slice(0, 10),
    reason: String(r.reason).replace(/_/g, '-') as CasusregisseurChangeReason,
    note: r.note,
    changedById: r.changedById,
    changedAt: r.changedAt,
  }));
}
