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
import { RecordConsentUseCase } from './record-consent.usecase';

const config = { regions: ['co3-antwerpen'] } as AppConfig;
const casusregisseur: CasusregisseurActor = {
  personId: 'cr-1',
  regionId: 'region-1',
  route: 'POST /dossiers/:code/instemming',
  coordinator: false,
};
const motherToday = { givenBy: 'moeder', verifiedOn: '2026-12-02', adultFamilyMember: true };

/** The ICO appointed cr-1 from Monday 23 November 2026 on, without consent. */
function setup(dossier: Partial<FakeDossierRecord> = {}) {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: 'd1',
      code: 'CO3-2026-0007',
      phase: 'casusregie',
      casusregisseurId: 'cr-1',
      casusregiePlannedStartDate: '2026-11-23',
      ...dossier,
    }),
  ]);
  const audit = new FakeAuditLog();
  const uow = new FakeUnitOfWork(dossiers, audit);
  const changed = new FakeDossierChanged();
  // 23:30 in Brussels on 1 December is already 2 December there.
  const clock = new ControlledClock('2026-12-01T23:30:00Z');
  const useCase = new RecordConsentUseCase(
    uow,
    dossiers,
    audit,
    changed,
    clock,
    config,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  return { dossiers, audit, uow, changed, useCase };
}

async function refusal(work: Promise<unknown>): Promise<AgendaRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgendaRefusal);
  return error as AgendaRefusal;
}

describe('RecordConsentUseCase', () => {
  it('records the consent, starts casusregie that waited for it and re-plans in the same transaction', async () => {
    const { dossiers, audit, uow, changed, useCase } = setup();
    const result = await useCase.execute({ actor: casusregisseur, dossierId: 'd1', consent: motherToday });
    expect(result).toEqual({
      code: 'CO3-2026-0007',
      consent: { givenBy: 'moeder', verifiedOn: '2026-12-02' },
      casusregieStartDate: '2026-12-02',
      started: true,
    });
    expect(dossiers.dossiers.get('d1')).toMatchObject({
      consentGivenBy: 'moeder',
      consentVerifiedById: 'cr-1',
      // Midnight of 2 December in Brussels.
      consentVerifiedAt: new Date('2026-12-01T23:00:00Z'),
      casusregieStartDate: '2026-12-02',
    });
    expect(dossiers.writeTxs).toEqual([uow.tx]);
    expect(changed.dossiers).toEqual([{ dossierId: 'd1', tx: uow.tx }]);
    expect(audit.of('dossier.instemming')).toEqual([
      {
        actorPersonId: 'cr-1',
        action: 'dossier.instemming',
        entityType: 'dossier',
        entityId: 'd1',
        dossierId: 'd1',
        outcome: 'allowed',
        route: 'POST /dossiers/:code/instemming',
        details: {
          code: 'CO3-2026-0007',
          verifiedOn: '2026-12-02',
          casusregieStartDate: '2026-12-02',
          started: true,
        },
      },
    ]);
    expect(audit.all()[0]!.tx).toBe(uow.tx);
  });

  it('starts on the planned day when the consent came before it, and keeps a start already known', async () => {
    const early = setup({ casusregiePlannedStartDate: '2026-12-07' });
    const planned = await early.useCase.execute({
      actor: { ...casusregisseur, coordinator: true, personId: 'coord-1' },
      dossierId: 'd1',
      consent: motherToday,
    });
    expect([planned.casusregieStartDate, planned.started]).toEqual(['2026-12-07', true]);

    const known = setup({ casusregiePlannedStartDate: null, casusregieStartDate: '2026-02-06' });
    const kept = await known.useCase.execute({
      actor: casusregisseur,
      dossierId: 'd1',
      consent: motherToday,
    });
    expect([kept.casusregieStartDate, kept.started]).toEqual(['2026-02-06', false]);
  });

  it('refuses a day after today in Brussels as unprocessable, naming the field, and writes nothing', async () => {
    const { dossiers, audit, changed, uow, useCase } = setup();
    const error = await refusal(
      useCase.execute({
        actor: casusregisseur,
        dossierId: 'd1',
        consent: { ...motherToday, verifiedOn: '2026-12-03' },
      }),
    );
    expect([error.code, error.kind, error.field]).toEqual(['FIELD_INVALID', 'unprocessable', 'verifiedOn']);
    expect(dossiers.dossiers.get('d1')!.consentVerifiedAt).toBeNull();
    expect([audit.all(), changed.dossiers, uow.rollbacks]).toEqual([[], [], 1]);
  });

  it('refuses a second consent as a conflict', async () => {
    const { useCase } = setup({
      casusregieStartDate: '2026-11-23',
      consentVerifiedAt: new Date('2026-11-19T23:00:00Z'),
      consentVerifiedById: 'coord-1',
    });
    const error = await refusal(
      useCase.execute({ actor: casusregisseur, dossierId: 'd1', consent: motherToday }),
    );
    expect([error.code, error.kind]).toEqual(['CONSENT_ALREADY_RECORDED', 'conflict']);
  });

  it('forbids someone else than the casusregisseur or a coordinator, and keeps the denial in the log', async () => {
    const { dossiers, audit, uow, useCase } = setup();
    const error = await refusal(
      useCase.execute({
        actor: { ...casusregisseur, personId: 'cr-2' },
        dossierId: 'd1',
        consent: motherToday,
      }),
    );
    expect([error.code, error.kind]).toEqual(['NOT_CASUSREGISSEUR', 'forbidden']);
    expect(dossiers.dossiers.get('d1')!.consentVerifiedAt).toBeNull();
    expect(uow.commits).toBe(0);
    expect(audit.of('dossier.instemming').map((e) => [e.actorPersonId, e.outcome])).toEqual([
      ['cr-2', 'denied'],
    ]);
    expect(audit.all()[0]!.tx).toBeUndefined();
  });

  it('answers not found for a dossier of another region, and writes nothing', async () => {
    const { audit, useCase } = setup();
    const error = await refusal(
      useCase.execute({
        actor: { ...casusregisseur, regionId: 'region-2', coordinator: true },
        dossierId: 'd1',
        consent: motherToday,
      }),
    );
    expect([error.code, error.kind]).toEqual(['DOSSIER_NOT_FOUND', 'not_found']);
    expect(audit.all().map((e) => [e.outcome, e.details?.reason, e.tx])).toEqual([
      ['denied', 'OTHER_REGION', undefined],
    ]);
  });

  it('rolls the consent and its audit event back when re-planning fails', async () => {
    const { dossiers, audit, uow } = setup();
    const failing = new RecordConsentUseCase(
      uow,
      dossiers,
      audit,
      {
        dossierChanged: () => Promise.reject(new Error('obligations down')),
        calendarChanged: () => Promise.resolve(),
      },
      new ControlledClock('2026-12-02T10:00:00Z'),
      config,
      new SubmittedOnce(new FakeSubmissionLedger()),
    );
    await expect(
      failing.execute({ actor: casusregisseur, dossierId: 'd1', consent: motherToday }),
    ).rejects.toThrow('obligations down');
    expect(dossiers.dossiers.get('d1')).toMatchObject({ consentVerifiedAt: null, casusregieStartDate: null });
    expect([audit.all(), uow.rollbacks]).toEqual([[], 1]);
  });
});
