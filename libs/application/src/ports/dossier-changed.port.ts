import type { Transaction } from './unit-of-work.port';

/**
 * What must follow a change of a dossier's facts, or of a table's calendar, inside the change's
 * transaction: its follow-up obligations are re-planned from them. Required by every use case that
 * changes a dossier, an agenda item or a session, so obligations cannot silently stop following
 * the dossier when the wiring changes (the application refuses to start without it).
 */
export interface DossierChange {
  readonly cancelReason?: string;
}

/** What the re-plan after a change did that the change may have to record. */
export interface DossierReplanned {
  /** The obligations it cancelled, by id (at a heropening: the earlier life's open ones). */
  readonly cancelledObligationIds: readonly string[];
}

export abstract class DossierChanged {
  /** `why.cancelReason`: what obligations cancelled by this change say (a withdrawn decision). */
  abstract dossierChanged(tx: Transaction, dossierId: string, why?: DossierChange): Promise<DossierReplanned>;
  /** Sessions of the table were cancelled or moved: due dates that hang on them move too. */
  abstract calendarChanged(tx: Transaction, tableKey: string): Promise<void>;
}
