import type { DossierSnapshot, DossierState } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

/** A heropening as it is stored: what the dossier was, where it went back to, why, by whom. */
export interface NewReopening {
  /** Keys of the region's phases (DossierLife.phases). */
  readonly fromPhase: string;
  readonly toPhase: string;
  readonly reason: string;
  readonly priorState: DossierSnapshot;
  readonly reopenedById: string;
  readonly reopenedAt: Date;
}

/** The heropeningen of closed dossiers (DossierLife.reopening), with the state before each. */
export abstract class DossierReopenings {
  /**
   * Sets the dossier to the new life's state (the phase it goes back to; no casusregisseur,
   * casusregie, consent, afronding or afsluiting) and keeps the heropening beside its history;
   * undefined when the dossier is no longer in `fromPhase` (reopened meanwhile).
   */
  abstract reopen(
    tx: Transaction,
    dossierId: string,
    next: DossierState,
    reopening: NewReopening,
  ): Promise<{ id: string } | undefined>;
}
