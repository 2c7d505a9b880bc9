import type { LocalDateString } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

/** A dossier in an ended phase, with what its end date is counted from. Codes and dates only. */
export interface EndedDossier {
  readonly id: string;
  readonly code: string;
  /** The key of the region's phase (of an ended kind). */
  readonly phase: string;
  readonly regionKey: string;
  /** afgesloten: the afsluitingDate (a day). */
  readonly afsluitingDate: LocalDateString | null;
  /** geen_ketenaanpak: when the ICO decided it (the latest such decision). */
  readonly endDecisionAt: Date | null;
}

/** What went with a destroyed dossier: the stored files to remove once the rows are gone. */
export interface DestroyedDossier {
  readonly storageKeys: readonly string[];
  /** Rows deleted, all tables together (for the log line; no content). */
  readonly rows: number;
}

/**
 * The destruction of dossiers whose retention period is over (issue #17, item 9). Implemented in
 * persistence: it knows every table that hangs off a dossier and deletes them in an order the
 * foreign keys allow. The audit log is not touched (it has no foreign key to the dossier).
 */
export abstract class DossierRetention {
  /**
   * Every dossier of the region in one of `endedPhases` (the keys of its phases of an ended kind,
   * endedPhaseKeys), in code order.
   */
  abstract endedDossiers(regionKey: string, endedPhases: readonly string[]): Promise<EndedDossier[]>;
  /**
   * Locks the dossier's row and deletes it with everything hanging off it, inside `tx`. Returns
   * undefined, deleting nothing, when the dossier is gone (another run destroyed it) or is no
   * longer in `phase`.
   */
  abstract destroy(tx: Transaction, dossierId: string, phase: string): Promise<DestroyedDossier | undefined>;
}
