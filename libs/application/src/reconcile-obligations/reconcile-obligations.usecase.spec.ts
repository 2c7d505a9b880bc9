import {
  ControlledClock,
  fakeDossier,
  FakeObligationRepository,
  FakeReconcileLedger,
  FakeRegionRepository,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { ObligationRules } from '../obligations/obligation-rules';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import { ReconcileObligationsUseCase } from './reconcile-obligations.usecase';

const START = new Date('2026-03-02T00:00:00Z');

function setup(regions = new FakeRegionRepository({ 'co3-antwerpen': 'region-1' })) {
  const repo = new FakeObligationRepository();
  const uow = new FakeUnitOfWork(...repo.stores);
  const rules = new ObligationRules({ regions: ['co3-antwerpen'] });
  const sync = new SyncDossierObligationsUseCase(repo, rules, new ControlledClock('2026-03-01T09:00:00Z'));
  const ledger = new FakeReconcileLedger();
  return {
    repo,
    uow,
    ledger,
    rules,
    reconcile: new ReconcileObligationsUseCase(uow, repo, regions, sync, rules, ledger),
  };
}

describe('ReconcileObligationsUseCase', () => {
  it('re-plans every started dossier of the region in batches, one transaction each, and counts the changed ones', async () => {
    const { repo, uow, reconcile } = setup();
    repo
      .addDossier(fakeDossier('d1', { casusregieStartDate: START }))
      .addDossier(fakeDossier('d2'))
      .addDossier(fakeDossier('d3', { casusregieStartDate: START }))
      .addDossier(fakeDossier('d4', { casusregieStartDate: START, regionId: 'region-2' }));
    expect(await reconcile.execute({ batchSize: 1 })).toEqual({ dossiers: 2, changed: 2, full: true });
    expect(repo.locked.map((l) => l.dossierId)).toEqual(['d1', 'd3']);
    expect(uow.commits).toBe(2);
    expect(repo.obligationsOf('d1')).toHaveLength(3);
    expect(repo.obligationsOf('d2')).toEqual([]);
    expect(repo.obligationsOf('d4')).toEqual([]);
  });

  it('re-plans only what changed since the last run, and still visits a dossier whose casusregie was taken back', async () => {
    const { repo, ledger, rules, reconcile } = setup();
    repo
      .addDossier(fakeDossier('d1', { casusregieStartDate: START }))
      .addDossier(fakeDossier('d2', { casusregieStartDate: START }));
    expect(await reconcile.execute()).toEqual({ dossiers: 2, changed: 2, full: true });
    expect(ledger.runs.at(-1)).toMatchObject({
      regionId: 'region-1',
      rulesVersion: rules.version,
      dossiers: 2,
    });
    // Nothing changed: nothing to visit.
    expect(await reconcile.execute()).toEqual({ dossiers: 0, changed: 0, full: false });
    repo.changeDossier('d1', { casusregieStartDate: null });
    ledger.touch('region-1', 'd1');
    repo.locked.length = 0;
    expect(await reconcile.execute()).toEqual({ dossiers: 1, changed: 1, full: false });
    expect(repo.locked.map((l) => l.dossierId)).toEqual(['d1']);
    expect(repo.obligationsOf('d1').map((o) => o.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('visits every dossier again when the region’s rules are not those of the last run', async () => {
    const { repo, ledger, rules, reconcile } = setup();
    repo.addDossier(fakeDossier('d1', { casusregieStartDate: START }));
    await ledger.finish('region-1', {
      rulesVersion: 'older-rules',
      reconciledFrom: new Date(0),
      dossiers: 1,
    });
    expect(rules.version).toMatch(/^[0-9a-f]{12}$/);
    expect(await reconcile.execute()).toEqual({ dossiers: 1, changed: 1, full: true });
    expect(ledger.runs.at(-1)?.rulesVersion).toBe(rules.version);
  });

  it('fails when the region is not in the database, before it touches a dossier', async () => {
    const { repo, reconcile } = setup(new FakeRegionRepository({}));
    repo.addDossier(fakeDossier('d1', { casusregieStartDate: START }));
    await expect(reconcile.execute()).rejects.toThrow('region co3-antwerpen is not in the database');
    expect(repo.locked).toEqual([]);
  });
});
