import { SubmittedOnce } from '../submissions/submitted-once';
import { FakeSubmissionLedger } from '@overlegtafels/testing';
import type { AppConfig } from '@overlegtafels/config';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDossierChanged,
  FakeDossierRecord,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal } from '../errors';
import type { CasusregisseurActor } from '../agenda/casusregisseur-guard';
import { ChildrenHeardQuery } from './children-heard.query';
import { RecordChildHearingUseCase } from './record-child-hearing.usecase';

const config = { regions: ['co3-antwerpen'] } as AppConfig;
const casusregisseur: CasusregisseurActor = {
  personId: 'cr-1',
  regionId: 'region-1',
  route: 'POST /dossiers/:code/kinderen',
  coordinator: false,
};
const NOW = '2026-03-04T14:30:00Z';

/** Casusregie since 6 February 2026; the aanmelding named two children over 12. */
function setup(dossier: Partial<FakeDossierRecord> = {}) {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: 'd1',
      code: 'CO3-2026-0001',
      phase: 'casusregie',
      casusregisseurId: 'cr-1',
      casusregieStartDate: '2026-02-06',
      childrenOver12: 2,
      ...dossier,
    }),
  ]);
  const audit = new FakeAuditLog();
  const uow = new FakeUnitOfWork(dossiers, audit);
  const changed = new FakeDossierChanged();
  const clock = new ControlledClock(NOW);
  const useCase = new RecordChildHearingUseCase(
    uow,
    dossiers,
    audit,
    changed,
    clock,
    config,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  return { dossiers, audit, uow, changed, clock, useCase };
}

describe('RecordChildHearingUseCase', () => {
  it('records each child; when the last one is heard or explained, that moment is kept for the obligation', async () => {
    const { dossiers, audit, uow, changed, clock, useCase } = setup();
    const first = await useCase.execute({
      actor: casusregisseur,
      dossierId: 'd1',
      hearing: { label: 'kind 1, 14 jaar', heard: true, heardOn: '2026-03-03' },
    });
    expect(first).toEqual({
      code: 'CO3-2026-0001',
      expected: 2,
      children: [{ label: 'kind 1, 14 jaar', heardOn: '2026-03-03' }],
      allAccountedFor: false,
    });
    expect(dossiers.dossiers.get('d1')!.childrenOver12HeardAt).toBeUndefined();

    clock.set('2026-03-05T09:00:00Z');
    const second = await useCase.execute({
      actor: casusregisseur,
      dossierId: 'd1',
      hearing: { label: 'kind 2, 16 jaar', heard: false, notHeardReason: 'Weigert; via de CLB-medewerker.' },
    });
    expect(second.allAccountedFor).toBe(true);
    expect(dossiers.dossiers.get('d1')).toMatchObject({
      childrenOver12: 2,
      childrenOver12HeardAt: new Date('2026-03-05T09:00:00Z'),
      childHearings: [
        {
          label: 'kind 1, 14 jaar',
          labelKey: 'kind 1, 14 jaar',
          heardOn: '2026-03-03',
          notHeardReason: null,
          recordedById: 'cr-1',
          recordedAt: new Date(NOW),
        },
        {
          label: 'kind 2, 16 jaar',
          labelKey: 'kind 2, 16 jaar',
          heardOn: null,
          notHeardReason: 'Weigert; via de CLB-medewerker.',
          recordedById: 'cr-1',
          recordedAt: new Date('2026-03-05T09:00:00Z'),
        },
      ],
    });
    // Heard later after all: the entry changes, the moment everything was accounted for stays.
    clock.set('2026-03-10T09:00:00Z');
    await useCase.execute({
      actor: casusregisseur,
      dossierId: 'd1',
      hearing: { label: 'Kind 2, 16 jaar', heard: true, heardOn: '2026-03-09' },
    });
    expect(dossiers.dossiers.get('d1')!.childrenOver12HeardAt).toEqual(new Date('2026-03-05T09:00:00Z'));
    expect(dossiers.dossiers.get('d1')!.childHearings!.map((h) => h.label)).toEqual([
      'kind 1, 14 jaar',
      'Kind 2, 16 jaar',
    ]);
    expect(changed.dossiers).toEqual([1, 2, 3].map(() => ({ dossierId: 'd1', tx: uow.tx })));
    expect(audit.of('dossier.kind-gehoord').map((e) => e.details)).toEqual([
      { code: 'CO3-2026-0001', heard: true, childrenOver12: 2, accountedFor: 1, allAccountedFor: false },
      { code: 'CO3-2026-0001', heard: false, childrenOver12: 2, accountedFor: 2, allAccountedFor: true },
      { code: 'CO3-2026-0001', heard: true, childrenOver12: 2, accountedFor: 2, allAccountedFor: true },
    ]);
  });

  it('counts a child over 12 the aanmelding did not know of', async () => {
    const { dossiers, useCase } = setup({ childrenOver12: 0 });
    const result = await useCase.execute({
      actor: { ...casusregisseur, coordinator: true, personId: 'coord-1' },
      dossierId: 'd1',
      hearing: { label: 'kind 1, 13 jaar', heard: true, heardOn: '2026-03-02' },
    });
    expect([result.expected, result.allAccountedFor]).toEqual([1, true]);
    expect(dossiers.dossiers.get('d1')).toMatchObject({
      childrenOver12: 1,
      childrenOver12HeardAt: new Date(NOW),
    });
  });

  it('refuses a date after today as unprocessable, naming the field, and writes nothing', async () => {
    const { dossiers, audit, uow, useCase } = setup();
    const error = (await useCase
      .execute({
        actor: casusregisseur,
        dossierId: 'd1',
        hearing: { label: 'kind 1, 14 jaar', heard: true, heardOn: '2026-03-05' },
      })
      .catch((e: unknown) => e)) as AgendaRefusal;
    expect(error).toBeInstanceOf(AgendaRefusal);
    expect([error.code, error.kind, error.field]).toEqual(['FIELD_INVALID', 'unprocessable', 'heardOn']);
    expect(dossiers.dossiers.get('d1')!.childHearings).toBeUndefined();
    expect([audit.all(), uow.rollbacks]).toEqual([[], 1]);
  });

  it('is for the casusregisseur of the dossier or a coordinator, during casusregie', async () => {
    const { audit, useCase } = setup();
    const hearing = { label: 'kind 1, 14 jaar', heard: true as const, heardOn: '2026-03-03' };
    const other = (await useCase
      .execute({ actor: { ...casusregisseur, personId: 'cr-2' }, dossierId: 'd1', hearing })
      .catch((e: unknown) => e)) as AgendaRefusal;
    expect([other.code, other.kind]).toEqual(['NOT_CASUSREGISSEUR', 'forbidden']);
    expect(audit.of('dossier.kind-gehoord').map((e) => e.outcome)).toEqual(['denied']);

    const closed = setup({ phase: 'afgerond', afrondingDate: '2026-09-08' });
    const late = (await closed.useCase
      .execute({ actor: casusregisseur, dossierId: 'd1', hearing })
      .catch((e: unknown) => e)) as AgendaRefusal;
    expect([late.code, late.kind]).toEqual(['ILLEGAL_TRANSITION', 'conflict']);
  });
});

describe('ChildrenHeardQuery', () => {
  it('reads the count and the children recorded so far', async () => {
    const { useCase, dossiers } = setup();
    await useCase.execute({
      actor: casusregisseur,
      dossierId: 'd1',
      hearing: { label: 'kind 1, 14 jaar', heard: true, heardOn: '2026-03-03' },
    });
    expect(await new ChildrenHeardQuery(dossiers).of('d1')).toEqual({
      code: 'CO3-2026-0001',
      expected: 2,
      children: [{ label: 'kind 1, 14 jaar', heardOn: '2026-03-03' }],
      allAccountedFor: false,
    });
    expect(await new ChildrenHeardQuery(dossiers).of('nope')).toBeUndefined();
  });
});
