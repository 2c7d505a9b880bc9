import {
  ControlledClock,
  fakeDossier,
  FakeObligationPeople,
  FakeObligationRepository,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { ObligationRules } from '../obligations/obligation-rules';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import { ReconcileObligationsUseCase } from './reconcile-obligations.usecase';

const START = new Date('2026-03-02T00:00:00Z');

function setup() {
  const repo = new FakeObligationRepository();
  const people = new FakeObligationPeople();
  people.regions.set('co3-antwerpen', 'region-1');
  const uow = new FakeUnitOfWork(...repo.stores);
  const rules = new ObligationRules({ region: 'co3-antwerpen' });
  const sync = new SyncDossierObligationsUseCase(repo, rules, new ControlledClock('2026-03-01T09:00:00Z'));
  return { repo, people, uow, reconcile: new ReconcileObligationsUseCase(uow, repo, people, sync, rules) };
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

  it('does nothing when the region is not in the database', async () => {
    const { repo, people, reconcile } = setup();
    people.regions.clear();
    repo.addDossier(fakeDossier('d1', { casusregieStartDate: START }));
    expect(await reconcile.execute()).toEqual({ dossiers: 0, changed: 0 });
    expect(repo.locked).toEqual([]);
  });
});
