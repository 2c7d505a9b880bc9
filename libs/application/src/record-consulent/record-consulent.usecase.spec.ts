import type { AppConfig } from '@overlegtafels/config';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDossierChanged,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal } from '../errors';
import { SubmittedOnce } from '../submissions/submitted-once';
import { RecordConsulentUseCase } from './record-consulent.usecase';
import { ConsulentActor } from './record-consulent.command';

const config = { regions: ['co3-antwerpen'] } as AppConfig;
const casusregisseur: ConsulentActor = {
  personId: 'cr-1',
  regionId: 'region-1',
  route: 'POST /dossiers/:code/consulent',
  coordinator: false,
};

function setup() {
  const dossiers = new FakeDossierRepository([
    fakeDossierRecord({ id: 'd1', code: 'CO3-2026-0007', phase: 'casusregie', casusregisseurId: 'cr-1' }),
  ]);
  const audit = new FakeAuditLog();
  const uow = new FakeUnitOfWork(dossiers, audit);
  const changed = new FakeDossierChanged();
  const ledger = new FakeSubmissionLedger();
  // 23:30 in Brussels on 1 December is already 2 December there.
  const clock = new ControlledClock('2026-12-01T23:30:00Z');
  const useCase = new RecordConsulentUseCase(
    uow,
    dossiers,
    audit,
    changed,
    clock,
    config,
    new SubmittedOnce(ledger),
  );
  return { dossiers, audit, uow, changed, useCase, ledger };
}

async function refusal(work: Promise<unknown>): Promise<AgendaRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgendaRefusal);
  return error as AgendaRefusal;
}

describe('RecordConsulentUseCase', () => {
  it('records the involvement, re-plans the obligations in the same transaction and audits it', async () => {
    const { dossiers, audit, uow, changed, useCase } = setup();
    const state = await useCase.execute({
      actor: casusregisseur,
      dossierId: 'd1',
      involvement: { involved: true, since: '2026-12-02', email: 'consulent@ocj.example' },
    });
    expect(state).toEqual({ involved: true, since: '2026-12-02', email: 'consulent@ocj.example' });
    expect(dossiers.dossiers.get('d1')!.consulent).toEqual({
      involved: true,
      since: '2026-12-02',
      email: 'consulent@ocj.example',
    });
    expect(changed.dossiers).toEqual([{ dossierId: 'd1', tx: uow.tx }]);
    expect(dossiers.writeTxs).toEqual([uow.tx]);
    expect(audit.of('dossier.consulent')).toEqual([
      {
        actorPersonId: 'cr-1',
        action: 'dossier.consulent',
        entityType: 'dossier',
        entityId: 'd1',
        dossierId: 'd1',
        outcome: 'allowed',
        route: 'POST /dossiers/:code/consulent',
        details: { code: 'CO3-2026-0007', involved: true, since: '2026-12-02' },
      },
    ]);
    expect(audit.all()[0]!.tx).toBe(uow.tx);
  });

  it('records once per key: a repeat answers as the first and writes and audits nothing; other content is a 409', async () => {
    const { dossiers, audit, changed, useCase } = setup();
    const involvement = { involved: true as const, since: '2026-11-30', email: null };
    const send = (since: string) =>
      useCase.execute({
        actor: casusregisseur,
        dossierId: 'd1',
        involvement: { ...involvement, since },
        submissionKey: 'consulent-0001',
      });
    const first = await send('2026-11-30');
    expect(await send('2026-11-30')).toEqual(first);
    expect(audit.of('dossier.consulent')).toHaveLength(1);
    expect(changed.dossiers).toHaveLength(1);
    expect((await refusal(send('2026-11-29'))).code).toBe('SUBMISSION_KEY_REUSED');
    expect(dossiers.dossiers.get('d1')!.consulent).toMatchObject({ since: '2026-11-30' });
  });

  it('keeps the consulent’s address out of the stored first answer, and a repeat still answers with it', async () => {
    const { ledger, useCase } = setup();
    const send = () =>
      useCase.execute({
        actor: casusregisseur,
        dossierId: 'd1',
        involvement: { involved: true, since: '2026-11-30', email: 'consulent@example.be' },
        submissionKey: 'consulent-0002',
      });
    const expected = { involved: true, since: '2026-11-30', email: 'consulent@example.be' };
    expect(await send()).toEqual(expected);
    expect(await send()).toEqual(expected);
    expect(ledger.rows).toHaveLength(1);
    expect(JSON.stringify(ledger.rows[0])).not.toContain('consulent@example.be');
  });

  it('ends the involvement: no day and no address are kept', async () => {
    const { dossiers, useCase } = setup();
    const state = await useCase.execute({
      actor: { ...casusregisseur, coordinator: true, personId: 'coord-1' },
      dossierId: 'd1',
      involvement: { involved: false },
    });
    expect(state).toEqual({ involved: false, since: null, email: null });
    expect(dossiers.dossiers.get('d1')!.consulent).toEqual({ involved: false });
  });

  it('refuses a day after today in Brussels as unprocessable, before anything is read or written', async () => {
    const { dossiers, audit, changed, uow, useCase } = setup();
    const error = await refusal(
      useCase.execute({
        actor: casusregisseur,
        dossierId: 'd1',
        involvement: { involved: true, since: '2026-12-03', email: null },
      }),
    );
    expect([error.code, error.kind, error.field]).toEqual(['SINCE_IN_FUTURE', 'unprocessable', 'since']);
    expect(dossiers.dossiers.get('d1')!.consulent).toBeUndefined();
    expect([audit.all(), changed.dossiers, uow.commits]).toEqual([[], [], 0]);
  });

  it('answers not found for a dossier of another region, and writes nothing', async () => {
    const { audit, changed, useCase } = setup();
    const error = await refusal(
      useCase.execute({
        actor: { ...casusregisseur, regionId: 'region-2', coordinator: true },
        dossierId: 'd1',
        involvement: { involved: false },
      }),
    );
    expect([error.code, error.kind]).toEqual(['DOSSIER_NOT_FOUND', 'not_found']);
    expect(changed.dossiers).toEqual([]);
    expect(audit.all().map((e) => [e.outcome, e.details?.reason, e.tx])).toEqual([
      ['denied', 'OTHER_REGION', undefined],
    ]);
  });

  it('answers not found for a dossier that does not exist', async () => {
    const { useCase } = setup();
    const error = await refusal(
      useCase.execute({ actor: casusregisseur, dossierId: 'nope', involvement: { involved: false } }),
    );
    expect(error.kind).toBe('not_found');
  });

  it('forbids someone else than the casusregisseur or a coordinator, and keeps the denial in the log', async () => {
    const { dossiers, audit, changed, uow, useCase } = setup();
    const error = await refusal(
      useCase.execute({
        actor: { ...casusregisseur, personId: 'cr-2' },
        dossierId: 'd1',
        involvement: { involved: true, since: '2026-11-01', email: null },
      }),
    );
    expect([error.code, error.kind]).toEqual(['NOT_CASUSREGISSEUR', 'forbidden']);
    expect(dossiers.dossiers.get('d1')!.consulent).toBeUndefined();
    expect(changed.dossiers).toEqual([]);
    expect(uow.commits).toBe(0);
    expect(audit.of('dossier.consulent').map((e) => [e.actorPersonId, e.outcome])).toEqual([
      ['cr-2', 'denied'],
    ]);
    expect(audit.all()[0]!.tx).toBeUndefined();
  });

  it('rolls the change and its audit event back when re-planning fails', async () => {
    const { dossiers, audit, uow } = setup();
    const failing = new RecordConsulentUseCase(
      uow,
      dossiers,
      audit,
      {
        dossierChanged: () => Promise.reject(new Error('obligations down')),
        calendarChanged: () => Promise.resolve(),
      },
      new ControlledClock('2026-12-01T10:00:00Z'),
      config,
      new SubmittedOnce(new FakeSubmissionLedger()),
    );
    await expect(
      failing.execute({
        actor: casusregisseur,
        dossierId: 'd1',
        involvement: { involved: true, since: '2026-11-01', email: null },
      }),
    ).rejects.toThrow('obligations down');
    expect(dossiers.dossiers.get('d1')!.consulent).toBeUndefined();
    expect(audit.all()).toEqual([]);
    expect(uow.rollbacks).toBe(1);
  });
});
