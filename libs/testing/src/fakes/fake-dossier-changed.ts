import type { DossierChanged } from '@overlegtafels/application/testing';
import type { Transaction } from '@overlegtafels/application/testing';

/** Records what a use case told the obligations, and whether it did so inside its transaction. */
export class FakeDossierChanged implements DossierChanged {
  readonly dossiers: { dossierId: string; tx: Transaction }[] = [];
  readonly calendars: { tableKey: string; tx: Transaction }[] = [];

  async dossierChanged(tx: Transaction, dossierId: string): Promise<void> {
    this.dossiers.push({ dossierId, tx });
  }

  async calendarChanged(tx: Transaction, tableKey: string): Promise<void> {
    this.calendars.push({ tableKey, tx });
  }
}
