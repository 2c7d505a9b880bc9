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
import { RecordConsulentConsultationUseCase } from './record-consulent-consultation.usecase';

const config = { regions: ['co3-antwerpen'] } as AppConfig;
const casusregisseur: CasusregisseurActor = {
  personId: 'cr-1',
  regionId: 'region-1',
  route: 'POST /api/dossiers/:code/consulent-afronding',
  coordinator: false,
};
const consultation = { consultedOn: '2026-08-25', note: 'Samen beslist: OCJ volgt de kinderen verder op.' };

/** Casusregie since 6 February 2026 with an OCJ consulent; today is 26 August. */
function setup(dossier: Partial<FakeDossierRecord> = {}) {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({
      id: 'd1',
      code: 'CO3-2026-0002',
      phase: 'casusregie',
      casusregisseurId: 'cr-1',
      casusregieStartDate: '2026-02-06',
      consulentInvolved: true,
      ...dossier,
    }),
  ]);
  const audit = new FakeAuditLog();
  const uow = new FakeUnitOfWork(dossiers, audit);
  const changed = new FakeDossierChanged();
  const useCase = new RecordConsulentConsultationUseCase(
    uow,
    dossiers,
    audit,
    changed,
    new ControlledClock('2026-08-26T08:00:00Z'),
    config,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  return { dossiers, audit, uow, changed, useCase };
}

async function refusal(work: Promise<unknown>): Promise<AgendaRefusal> {
  const error = await work.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AgendaRefusal);
  return error as AgendaRefusal;
}

describe('RecordConsulentConsultationUseCase', () => {
  it('records the consultation with its note, re-plans in the same transaction, and audits the day only', async () => {
    const { dossiers, audit, uow, changed, useCase } = setup();
    expect(await useCase.execute({ actor: casusregisseur, dossierId: 'd1', consultation })).toEqual({
      code: 'CO3-2026-0002',
      consultedOn: '2026-08-25',
    });
    expect(dossiers.dossiers.get('d1')).toMatchObject({
      consulentConsultedOn: '2026-08-25',
      consulentConsultation: { ...consultation, consultedById: 'cr-1' },
    });
    expect([dossiers.writeTxs, changed.dossiers]).toEqual([[uow.tx], [{ dossierId: 'd1', tx: uow.tx }]]);
    expect(audit.of('dossier.consulent-geconsulteerd')).toEqual([
      {
        actorPersonId: 'cr-1',
        action: 'dossier.consulent-geconsulteerd',
        entityType: 'dossier',
        entityId: 'd1',
        dossierId: 'd1',
        outcome: 'allowed',
        route: 'POST /api/dossiers/:code/consulent-afronding',
        details: { code: 'CO3-2026-0002', consultedOn: '2026-08-25' },
      },
    ]);
  });

  it('refuses without a consulent as a conflict, and a day after today as unprocessable', async () => {
    const none = setup({ consulentInvolved: false });
    const noConsulent = await refusal(
      none.useCase.execute({ actor: casusregisseur, dossierId: 'd1', consultation }),
    );
    expect([noConsulent.code, noConsulent.kind]).toEqual(['NO_CONSULENT_INVOLVED', 'conflict']);
    const { dossiers, audit, useCase } = setup();
    const future = await refusal(
      useCase.execute({
        actor: casusregisseur,
        dossierId: 'd1',
        consultation: { ...consultation, consultedOn: '2026-08-27' },
      }),
    );
    expect([future.code, future.kind, future.field]).toEqual([
      'FIELD_INVALID',
      'unprocessable',
      'consultedOn',
    ]);
    expect(dossiers.dossiers.get('d1')!.consulentConsultedOn).toBeNull();
    expect(audit.all()).toEqual([]);
  });

  it('is for the casusregisseur of the dossier or a coordinator of the region', async () => {
    const { audit, useCase } = setup();
    const other = await refusal(
      useCase.execute({ actor: { ...casusregisseur, personId: 'cr-2' }, dossierId: 'd1', consultation }),
    );
    expect([other.code, other.kind]).toEqual(['NOT_CASUSREGISSEUR', 'forbidden']);
    expect(audit.of('dossier.consulent-geconsulteerd').map((e) => e.outcome)).toEqual(['denied']);
    const elsewhere = await refusal(
      useCase.execute({
        actor: { ...casusregisseur, regionId: 'region-2', coordinator: true },
        dossierId: 'd1',
        consultation,
      }),
    );
    expect(elsewhere.kind).toBe('not_found');
    const coordinator = await useCase.execute({
      actor: { ...casusregisseur, personId: 'coord-1', coordinator: true },
      dossierId: 'd1',
      consultation,
    });
    expect(coordinator.consultedOn).toBe('2026-08-25');
  });
});
