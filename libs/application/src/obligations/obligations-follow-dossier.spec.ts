import {
  ControlledClock,
  fakeDossier,
  FakeObligationRepository,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import { ObligationRules } from './obligation-rules';
import { ObligationsFollowDossier } from './obligations-follow-dossier';

describe('ObligationsFollowDossier (the DossierChanged port)', () => {
  function setup() {
    const repo = new FakeObligationRepository();
    repo.addDossier(
      fakeDossier('d1', { casusregisseurId: 'sara', casusregieStartDate: new Date('2026-03-02T00:00:00Z') }),
    );
    const uow = new FakeUnitOfWork(...repo.stores);
    const sync = new SyncDossierObligationsUseCase(
      repo,
      new ObligationRules({ regions: ['co3-antwerpen'] }),
      new ControlledClock('2026-03-01T09:00:00Z'),
    );
    return { repo, uow, follow: new ObligationsFollowDossier(sync) };
  }

  it('re-plans the changed dossier in the caller’s transaction', async () => {
    const { repo, uow, follow } = setup();
    await uow.run((tx) => follow.dossierChanged(tx, 'd1'));
    expect(repo.locked).toEqual([{ dossierId: 'd1', tx: uow.tx }]);
    expect(repo.obligationsOf('d1')).toHaveLength(3);
  });

  it('re-plans the dossiers hanging on a table whose calendar changed', async () => {
    const { repo, uow, follow } = setup();
    await uow.run((tx) => follow.dossierChanged(tx, 'd1'));
    repo.locked.length = 0;
    await uow.run((tx) => follow.calendarChanged(tx, 'weegploeg'));
    expect(repo.locked.map((l) => l.dossierId)).toEqual(['d1']);
  });

  it('is rolled back with the change when the caller’s work fails after it', async () => {
    const { repo, uow, follow } = setup();
    await expect(
      uow.run(async (tx) => {
        await follow.dossierChanged(tx, 'd1');
        throw new Error('the change itself failed');
      }),
    ).rejects.toThrow('the change itself failed');
    expect(repo.obligations.all()).toEqual([]);
  });
});
