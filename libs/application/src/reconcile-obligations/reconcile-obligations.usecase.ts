import { Inject, Injectable, Logger } from '@nestjs/common';
import { RegionRepository } from '../ports/region.repository.port';
import { ObligationRepository } from '../ports/obligation.repository.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { ObligationRules } from '../obligations/obligation-rules';
import { changedAnything } from '../sync-dossier-obligations/sync-dossier-obligations.command';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import type {
  ReconcileObligationsCommand,
  ReconcileObligationsResult,
} from './reconcile-obligations.command';

const DEFAULT_BATCH = 200;

/**
 * Re-plans every dossier of the region that has or should have obligations, one transaction
 * each: a safety net for a change that reached the database without a re-plan, and how dossiers
 * that existed before the obligations did get theirs. Cheap when nothing changed. What the
 * nightly job runs.
 */
@Injectable()
export class ReconcileObligationsUseCase {
  private readonly logger = new Logger(ReconcileObligationsUseCase.name);

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ObligationRepository) private readonly obligations: ObligationRepository,
    @Inject(RegionRepository) private readonly regions: RegionRepository,
    @Inject(SyncDossierObligationsUseCase) private readonly sync: SyncDossierObligationsUseCase,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
  ) {}

  async execute(command: ReconcileObligationsCommand = {}): Promise<ReconcileObligationsResult> {
    const batchSize = command.batchSize ?? DEFAULT_BATCH;
    const regionId = await this.regions.idOf(this.rules.region.key);
    let after: string | null = null;
    let dossiers = 0;
    let changed = 0;
    for (;;) {
      const ids = await this.obligations.dossiersToReconcile(regionId, after, batchSize);
      if (ids.length === 0) break;
      for (const dossierId of ids) {
        const r = await this.uow.run((tx) => this.sync.execute(tx, { dossierId }), { timeoutMs: 30_000 });
        dossiers++;
        if (changedAnything(r)) changed++;
      }
      after = ids[ids.length - 1] as string;
    }
    if (changed > 0) this.logger.log(`reconciled obligations: ${changed} of ${dossiers} dossiers changed`);
    return { dossiers, changed };
  }
}
