import type { DossierChange, DossierChanged, DossierReplanned } from '@overlegtafels/application/testing';
import type { Transaction } from '@overlegtafels/application/testing';

/** Records what a use case told the obligations, and whether it did so inside its transaction. */
export class FakeDossierChanged implements DossierChanged {
  readonly dossiers: { dossierId: string; tx: Transaction; why?: DossierChange }[] = [];
  readonly calendars: { tableKey: string; tx: Transaction }[] = [];
  /** What the re-plan answers: the obligations it "cancelled" (none unless a test sets them). */
  cancelledObligationIds: string[] = [];

  async dossierChanged(tx: Transaction, dossierId: string, why?: DossierChange): Promise<DossierReplanned> {
    this.dossiers.push({ dossierId, tx, ...(why && { why }) });
    return { cancelledObligationIds: [...this.cancelledObligationIds] };
  }

  async calendarChanged(tx: Transaction, tableKey: string): Promise<void> {
    this.calendars.push({ tableKey, tx });
  }
}
