import {
  ControlledClock,
  FakeObligationReadModel,
  FakeRegionRepository,
  fakeListRow,
} from '@overlegtafels/testing';
import { ObligationRules } from '../obligations/obligation-rules';
import { ListDossierObligationsUseCase } from './list-dossier-obligations.usecase';

function setup(regions = new FakeRegionRepository({ 'co3-antwerpen': 'region-1' })) {
  const reads = new FakeObligationReadModel()
    .add(fakeListRow('open', { dueAt: new Date('2026-05-01T07:00:00Z') }))
    .add(
      fakeListRow('done', {
        ruleKey: 'afstemming-consulent',
        status: 'fulfilled',
        dueAt: new Date('2026-04-01T07:00:00Z'),
        fulfilledAt: new Date('2026-03-30T12:00:00Z'),
        fulfilmentKind: 'manual',
        fulfilmentNote: 'Gebeld.',
      }),
    )
    .add(
      fakeListRow('gone', {
        ruleKey: 'tussentijdse-evaluatie',
        status: 'cancelled',
        dueAt: new Date('2026-12-01T07:00:00Z'),
        cancelledAt: new Date('2026-04-02T08:00:00Z'),
      }),
    )
    .add(fakeListRow('other-dossier', { dossierId: 'dossier-2' }));
  const useCase = new ListDossierObligationsUseCase(
    reads,
    regions,
    new ObligationRules({ regions: ['co3-antwerpen'] }),
    new ControlledClock('2026-05-04T10:00:00Z'),
  );
  return { useCase, regions };
}

describe('ListDossierObligationsUseCase', () => {
  it('lists every obligation of the dossier, done, open and cancelled, by due date, with the note', async () => {
    const list = await setup().useCase.execute({ dossierId: 'dossier-1' });
    expect(list.map((o) => [o.id, o.status, o.fulfilmentNote])).toEqual([
      ['done', 'fulfilled', 'Gebeld.'],
      ['open', 'open', null],
      ['gone', 'cancelled', null],
    ]);
  });

  it('gives the dossier timeline one entry each: planned while open, when done, when cancelled', async () => {
    expect(await setup().useCase.timelineFor('dossier-1')).toEqual([
      {
        at: '2026-03-30T14:00:00.000+02:00',
        kind: 'opvolging',
        title: 'Afstemming met de consulent van OCJ/SDJ',
        detail: 'Afgerond met een notitie (termijn woensdag 1 april 2026)',
        planned: false,
      },
      {
        at: '2026-05-01T09:00:00.000+02:00',
        kind: 'opvolging',
        title: 'Eerste plan van aanpak op de Weegploeg',
        detail: 'Uiterlijk vrijdag 1 mei 2026 om 09:00 (termijn verstreken)',
        planned: true,
      },
      {
        at: '2026-04-02T10:00:00.000+02:00',
        kind: 'opvolging',
        title: 'Tussentijdse evaluatie op de Ronde Tafel, met nieuwe risicotaxatie',
        detail: 'Niet meer van toepassing',
        planned: false,
      },
    ]);
  });

  it('says which traject an obligation of a reopened dossier is of, in the list and on the timeline', async () => {
    const reads = new FakeObligationReadModel()
      .add(fakeListRow('first', { status: 'fulfilled', fulfilledAt: new Date('2026-03-30T12:00:00Z') }))
      .add(fakeListRow('second', { life: 2, dueAt: new Date('2027-04-01T10:00:00Z') }))
      .add(fakeListRow('third', { life: 3, dueAt: new Date('2028-04-01T10:00:00Z') }));
    const useCase = new ListDossierObligationsUseCase(
      reads,
      new FakeRegionRepository({ 'co3-antwerpen': 'region-1' }),
      new ObligationRules({ regions: ['co3-antwerpen'] }),
      new ControlledClock('2027-03-02T10:00:00Z'),
    );
    const list = await useCase.execute({ dossierId: 'dossier-1' });
    expect(list.map((o) => [o.id, o.life, o.lifeLabel])).toEqual([
      ['first', 1, null],
      ['second', 2, 'tweede traject na heropening'],
      ['third', 3, 'derde traject na heropening'],
    ]);
    expect((await useCase.timelineFor('dossier-1')).map((e) => e.title)).toEqual([
      'Eerste plan van aanpak op de Weegploeg',
      'Eerste plan van aanpak op de Weegploeg (tweede traject na heropening)',
      'Eerste plan van aanpak op de Weegploeg (derde traject na heropening)',
    ]);
  });

  it('fails when the region is not in the database (a setup error, not an empty list)', async () => {
    const { useCase } = setup(new FakeRegionRepository({}));
    await expect(useCase.execute({ dossierId: 'dossier-1' })).rejects.toThrow(
      'region co3-antwerpen is not in the database',
    );
  });
});
