import { Inject, Injectable } from '@nestjs/common';
import type { Transaction } from '@overlegtafels/persistence';
import { DossierChanged } from '../ports/dossier-changed.port';
import { ObligationSyncService } from './obligation-sync.service';

/** The follow-up obligations are what follows a dossier's change: re-planned in its transaction. */
@Injectable()
export class ObligationsFollowDossier extends DossierChanged {
  constructor(@Inject(ObligationSyncService) private readonly sync: ObligationSyncService) {
    super();
  }

  async dossierChanged(tx: Transaction, dossierId: string): Promise<void> {
    await this.sync.syncDossier(tx, dossierId);
  }

  async calendarChanged(tx: Transaction, tableKey: string): Promise<void> {
    await this.sync.syncAfterCalendarChange(tx, tableKey);
  }
}
