import { Inject, Injectable } from '@nestjs/common';
import type { Transaction } from '../ports/unit-of-work.port';
import { DossierChange, DossierChanged, DossierReplanned } from '../ports/dossier-changed.port';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';

/** The follow-up obligations are what follows a dossier's change: re-planned in its transaction. */
@Injectable()
export class ObligationsFollowDossier extends DossierChanged {
  constructor(@Inject(SyncDossierObligationsUseCase) private readonly sync: SyncDossierObligationsUseCase) {
    super();
  }

  async dossierChanged(tx: Transaction, dossierId: string, why?: DossierChange): Promise<DossierReplanned> {
    const result = await this.sync.execute(tx, {
      dossierId,
      ...(why?.cancelReason && { cancelReason: why.cancelReason }),
    });
    return { cancelledObligationIds: result.cancelledIds };
  }

  async calendarChanged(tx: Transaction, tableKey: string): Promise<void> {
    await this.sync.executeForTable(tx, { tableKey });
  }
}
