import { FakePersonDirectory, FakeObligationReadModel, fakeListRow } from '@overlegtafels/testing';
import { ObligationRules } from '../obligations/obligation-rules';
import { ListObligationDueDatesUseCase } from './list-obligation-due-dates.usecase';

function setup() {
  const reads = new FakeObligationReadModel()
    .add(fakeListRow('o1', { ownerId: 'sara', dueAt: new Date('2026-05-05T22:30:00Z') }))
    .add(fakeListRow('o2', { ownerId: 'sara', status: 'cancelled' }))
    .add(
      fakeListRow('o3', {
        ownerRole: 'coordinator',
        tableKey: 'ronde-tafel',
        dueAt: new Date('2026-06-01T07:00:00Z'),
      }),
    );
  const people = new FakePersonDirectory()
    .addPerson({ id: 'sara' })
    .addPerson({ id: 'jan', coordinates: [null] })
    .addPerson({ id: 'gone', active: false });
  return new ListObligationDueDatesUseCase(
    reads,
    people,
    new ObligationRules({ regions: ['co3-antwerpen'] }),
  );
}

describe('ListObligationDueDatesUseCase (the calendar feed’s due dates)', () => {
  it('gives the open obligations a person owns with their Brussels dates, ids and codes only', async () => {
    // 22:30 UTC on 5 May is 6 May in Brussels.
    expect(await setup().execute({ personId: 'sara' })).toEqual([
      { id: 'o1', dossierId: 'dossier-1', dossierCode: 'CO3-2026-0001', date: '2026-05-06' },
    ]);
  });

  it('counts a region-wide coordinator in for every table', async () => {
    expect((await setup().execute({ personId: 'jan' })).map((o) => o.id)).toEqual(['o3']);
  });

  it('gives nothing for a person who left', async () => {
    expect(await setup().execute({ personId: 'gone' })).toEqual([]);
  });
});
