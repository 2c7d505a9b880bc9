import type { Tx } from '@overlegtafels/persistence';

/**
 * What must follow a change of a dossier's facts, or of a table's calendar, in the same
 * transaction (the follow-up obligations are re-planned from them). A multi-valued token, so the
 * agenda does not depend on who listens.
 */
export interface DossierChangeHook {
  dossierChanged(tx: Tx, dossierId: string): Promise<void>;
  /** Sessions of the table were cancelled or moved: due dates that hang on them move too. */
  calendarChanged(tx: Tx, tableKey: string): Promise<void>;
}
export const DOSSIER_CHANGE_HOOKS = Symbol('DOSSIER_CHANGE_HOOKS');
