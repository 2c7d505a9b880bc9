import {
  ControlledClock,
  fakeDossier,
  FakeObligationRepository,
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
  const rules = new ObligationRules({ region: 'co3-antwerpen' });
  const sync = new SyncDossierObligationsUseCase(repo, rules, new ControlledClock('2026-03-01T09:00:00Z'));
  return { repo, uow, reconcile: new ReconcileObligationsUseCase(uow, repo, regions, sync, rules) };
}

describe('ReconcileObligationsUseCase', () => {
  it('re-plans every started dossier of the region in batches, one transaction each, and counts the changed ones', async () => {
    const { repo, uow, reconcile } = setup();
    repo
      .addDossier(fakeDossier('d1', { casusregieStartDate: START }))
      .addDossier(fakeDossier('d2'))
      .addDossier(fakeDossier('d3', { casusregieStartDate: START }))
      .addDossier(fakeDossier('d4', { casusregieStartDate: START, regionId: 'region-2' }));
    expect(await reconcile.execute({ batchSize: 1 })).toEqual({ dossiers: 2, changed: 2 });
    expect(repo.locked.map((l) => l.dossierId)).toEqual(['d1', 'd3']);
    expect(uow.commits).toBe(2);
    expect(repo.obligationsOf('d1')).toHaveLength(3);
    expect(repo.obligationsOf('d2')).toEqual([]);
    expect(repo.obligationsOf('d4')).toEqual([]);
  });

  it('changes nothing the second time, and still visits a dossier whose casusregie was taken back', async () => {
    const { repo, reconcile } = setup();
    repo.addDossier(fakeDossier('d1', { casusregieStartDate: START }));
    await reconcile.execute();
    expect(await reconcile.execute()).toEqual({ dossiers: 1, changed: 0 });
    repo.changeDossier('d1', { casusregieStartDate: null });
    expect(await reconcile.execute()).toEqual({ dossiers: 1, changed: 1 });
    expect(repo.obligationsOf('d1').map((o) => o.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('fails when the region is not in the database, before it touches a dossier', async () => {
    const { repo, reconcile } = setup(new FakeRegionRepository({}));
    repo.addDossier(fakeDossier('d1', { casusregieStartDate: START }));
    await expect(reconcile.execute()).rejects.toThrow('region co3-antwerpen is not in the database');
    expect(repo.locked).toEqual([]);
  });
});
