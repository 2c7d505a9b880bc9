import { Inject, Injectable, Logger } from '@nestjs/common';
import { RegionRepository } from '../ports/region.repository.port';
import { ObligationRepository } from '../ports/obligation.repository.port';
import { ReconcileLedger } from '../ports/reconcile-ledger.port';
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
 * Re-plans the dossiers of the region that have or should have obligations, one transaction each:
 * a safety net for a change that reached the database without a re-plan, and how dossiers that
 * existed before the obligations did get theirs. What the nightly job runs (one job per night and
 * rules version, whatever the number of workers). Only the dossiers changed since the last
 * completed run are re-planned, unless the region's follow-up rules changed since (their version,
 * a hash of the configuration): then, and on the first run, every one.
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
    @Inject(ReconcileLedger) private readonly ledger: ReconcileLedger,
  ) {}

  async execute(command: ReconcileObligationsCommand = {}): Promise<ReconcileObligationsResult> {
    const batchSize = command.batchSize ?? DEFAULT_BATCH;
    const regionId = await this.regions.idOf(this.rules.region.key);
    const { last, startedAt } = await this.ledger.begin(regionId);
    const rulesVersion = this.rules.version;
    const full = !last || last.rulesVersion !== rulesVersion;
    // From the last run's start on the database's clock. A change stamped by a host whose clock
    // runs behind, in the moment after that start, is not seen here: every use case that changes
    // a dossier re-plans it in its own transaction, this run is the net for what bypassed them.
    const since = last?.reconciledFrom;
    const next = (after: string | null) =>
      full || !since
        ? this.obligations.dossiersToReconcile(regionId, after, batchSize)
        : this.ledger.changedDossiers(regionId, since, after, batchSize);
    let after: string | null = null;
    let dossiers = 0;
    let changed = 0;
    for (;;) {
      const ids = await next(after);
      if (ids.length === 0) break;
      for (const dossierId of ids) {
        const r = await this.uow.run((tx) => this.sync.execute(tx, { dossierId }), { timeoutMs: 30_000 });
        dossiers++;
        if (changedAnything(r)) changed++;
      }
      after = ids[ids.length - 1] as string;
    }
    await this.ledger.finish(regionId, { rulesVersion, reconciledFrom: startedAt, dossiers });
    if (changed > 0 || full)
      this.logger.log(
        `reconciled obligations (${full ? `every dossier, rules ${rulesVersion}` : 'changed dossiers'}): ${changed} of ${dossiers} dossiers changed`,
      );
    return { dossiers, changed, full };
  }
}
