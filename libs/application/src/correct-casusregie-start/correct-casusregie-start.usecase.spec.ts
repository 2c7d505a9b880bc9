import type { AppConfig } from '@overlegtafels/config';
import {
  ControlledClock,
  FakeAuditLog,
  FakeDecision,
  FakeDossierRecord,
  FakeDossierChanged,
  FakeDossierRepository,
  fakeDossierRecord,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { AgendaRefusal } from '../errors';
import type { Actor } from '../agenda/agenda-views';
import { SubmittedOnce } from '../submissions/submitted-once';
import { CorrectCasusregieStartUseCase } from './correct-casusregie-start.usecase';

const config = { regions: ['co3-antwerpen'] } as AppConfig;
const coordinator: Actor = { personId: 'coord-1', regionId: 'region-1', route: 'POST /x' };

const decision = (id: string, kind: FakeDecision['kind'], decidedAt: string): FakeDecision => ({
  id,
  dossierId: 'd1',
  agendaItemId: `item-${id}`,
  tableKey: kind === 'met_casusregie' ? 'ico' : 'weegploeg',
  kind,
  adviceText: null,
  safetyPlanAdvice: null,
  parketmeldingAdvies: false,
  missingInformation: null,
  casusregisseurId: kind === 'met_casusregie' ? 'cr-1' : null,
  startDate: kind === 'met_casusregie' ? '2026-10-06' : null,
  terugkomdatum: null,
  vervolgoverlegDate: null,
  casusregisseurAbsent: false,
  bijkomendCasusoverlegDate: null,
  decidedAt: new Date(decidedAt),
  decidedById: 'coord-1',
});

function setup(dossier: Partial<FakeDossierRecord> = {}, decisions: FakeDecision[] = []) {
  const dossiers = new FakeDossierRepository(
    [
      fakeDossierRecord({
        id: 'd1',
        code: 'CO3-2026-0012',
        phase: 'casusregie',
        casusregisseurId: 'cr-1',
        casusregieStartDate: '2026-10-06',
        ...dossier,
      }),
    ],
    decisions,
  );
  const audit = new FakeAuditLog();
  const uow = new FakeUnitOfWork(dossiers, audit);
  const changed = new FakeDossierChanged();
  const clock = new ControlledClock('2026-12-01T10:00:00Z');
  const useCase = new CorrectCasusregieStartUseCase(
    uow,
    dossiers,
    audit,
    changed,
    clock,
    config,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  const correct = (startDate: string, reason = 'Tikfout in de beslissing') =>
    useCase.execute({ actor: coordinator, dossierId: 'd1', startDate, reason });
  return { dossiers, audit, uow, changed, correct, useCase };
}

async function refusal(work: Promise<unknown>): Promise<AgendaRefusal> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgendaRefusal);
  return error as AgendaRefusal;
}

const ico = decision('ico-1', 'met_casusregie', '2026-10-05T08:00:00Z');

describe('CorrectCasusregieStartUseCase', () => {
  it('moves the start on the dossier and on the ICO decision, re-plans and audits from, to and reason', async () => {
    const { dossiers, audit, uow, changed, correct } = setup({}, [ico]);
    await expect(correct('2026-10-08')).resolves.toEqual({
      code: 'CO3-2026-0012',
      casusregieStartDate: '2026-10-08',
      changed: true,
    });
    expect(dossiers.dossiers.get('d1')!.casusregieStartDate).toBe('2026-10-08');
    expect(dossiers.decisions.get('ico-1')!.startDate).toBe('2026-10-08');
    expect(changed.dossiers).toEqual([{ dossierId: 'd1', tx: uow.tx }]);
    expect(audit.of('dossier.casusregie-start')).toEqual([
      {
        actorPersonId: 'coord-1',
        action: 'dossier.casusregie-start',
        entityType: 'dossier',
        entityId: 'd1',
        dossierId: 'd1',
        outcome: 'allowed',
        route: 'POST /x',
        details: {
          code: 'CO3-2026-0012',
          from: '2026-10-06',
          to: '2026-10-08',
          reason: 'Tikfout in de beslissing',
        },
      },
    ]);
    expect(audit.all()[0]!.tx).toBe(uow.tx);
  });

  it('corrects once per key: a repeat answers the first (changed: true) and audits nothing; other content is a 409', async () => {
    const { dossiers, audit, changed, useCase } = setup({}, [ico]);
    const send = (startDate: string) =>
      useCase.execute({
        actor: coordinator,
        dossierId: 'd1',
        startDate,
        reason: 'Tikfout in de beslissing',
        submissionKey: 'start-0001',
      });
    const first = await send('2026-10-08');
    expect(first).toMatchObject({ changed: true });
    expect(await send('2026-10-08')).toEqual(first);
    expect(audit.of('dossier.casusregie-start')).toHaveLength(1);
    expect(changed.dossiers).toHaveLength(1);
    expect((await refusal(send('2026-10-09'))).code).toBe('SUBMISSION_KEY_REUSED');
    expect(dossiers.dossiers.get('d1')!.casusregieStartDate).toBe('2026-10-08');
  });

  it('the same date again changes nothing and re-plans nothing, but is audited', async () => {
    const { dossiers, audit, changed, correct } = setup({}, [ico]);
    await expect(correct('2026-10-06')).resolves.toMatchObject({ changed: false });
    expect(dossiers.writeTxs).toEqual([]);
    expect(changed.dossiers).toEqual([]);
    expect(audit.of('dossier.casusregie-start')).toHaveLength(1);
  });

  it('a start taken over from before the service (no ICO decision) changes only the dossier', async () => {
    const { dossiers, correct } = setup({ casusregieStartDate: '2026-09-01' });
    await expect(correct('2026-08-15')).resolves.toMatchObject({ changed: true });
    expect(dossiers.dossiers.get('d1')!.casusregieStartDate).toBe('2026-08-15');
  });

  it('answers not found for a dossier of another region, and writes nothing', async () => {
    const { audit, correct } = setup({ regionId: 'region-2' }, [ico]);
    const error = await refusal(correct('2026-10-07'));
    expect([error.code, error.kind]).toEqual(['DOSSIER_NOT_FOUND', 'not_found']);
    expect(audit.all().map((e) => [e.outcome, e.details?.reason, e.tx])).toEqual([
      ['denied', 'OTHER_REGION', undefined],
    ]);
  });

  it('answers not found for a dossier that does not exist', async () => {
    const { useCase } = setup();
    const error = await refusal(
      useCase.execute({ actor: coordinator, dossierId: 'zzz', startDate: '2026-10-07', reason: 'x' }),
    );
    expect(error.kind).toBe('not_found');
  });

  const cases: [string, Partial<FakeDossierRecord>, FakeDecision[], string, string][] = [
    [
      'a closed dossier',
      { phase: 'afgesloten', afrondingDate: '2026-11-20', afsluitingDate: '2026-11-30' },
      [ico],
      '2026-10-07',
      'ILLEGAL_TRANSITION',
    ],
    [
      'a dossier without casusregie',
      { phase: 'aangemeld', casusregieStartDate: null },
      [],
      '2026-10-07',
      'ILLEGAL_TRANSITION',
    ],
    ['a day before the ICO decision', {}, [ico], '2026-10-04', 'FIELD_INVALID'],
    [
      'a day before the consent',
      { consentVerifiedAt: new Date('2026-10-05T22:30:00Z'), consentVerifiedById: 'coord-1' },
      [ico],
      '2026-10-05',
      'CONSENT_REQUIRED',
    ],
    ['a day after today in Brussels', {}, [ico], '2026-12-02', 'FIELD_INVALID'],
    [
      'a day after the afronding',
      { phase: 'afgerond', afrondingDate: '2026-11-10' },
      [ico],
      '2026-11-11',
      'FIELD_INVALID',
    ],
    [
      'a day after a later decision in casusregie',
      {},
      [ico, decision('wp-1', 'pva_besproken', '2026-10-20T09:00:00Z')],
      '2026-10-21',
      'FIELD_INVALID',
    ],
    [
      'a day after a decision since a taken-over start',
      { casusregieStartDate: '2026-09-01' },
      [decision('wp-2', 'pva_besproken', '2026-09-10T09:00:00Z')],
      '2026-09-11',
      'FIELD_INVALID',
    ],
  ];
  it.each(cases)(
    'refuses %s as unprocessable and leaves everything as it was',
    async (_, facts, decisions, day, code) => {
      const { dossiers, audit, uow, changed, correct } = setup(facts, decisions);
      const before = dossiers.dossiers.get('d1');
      const error = await refusal(correct(day));
      expect([error.code, error.kind]).toEqual([code, 'unprocessable']);
      expect(dossiers.dossiers.get('d1')).toEqual(before);
      expect([audit.all(), changed.dossiers, uow.rollbacks]).toEqual([[], [], 1]);
    },
  );

  it('rolls the new date back when the obligations cannot follow', async () => {
    const dossiers = new FakeDossierRepository(
      [
        fakeDossierRecord({
          id: 'd1',
          phase: 'casusregie',
          casusregisseurId: 'cr-1',
          casusregieStartDate: '2026-10-06',
        }),
      ],
      [ico],
    );
    const audit = new FakeAuditLog();
    const uow = new FakeUnitOfWork(dossiers, audit);
    const useCase = new CorrectCasusregieStartUseCase(
      uow,
      dossiers,
      audit,
      { dossierChanged: () => Promise.reject(new Error('down')), calendarChanged: () => Promise.resolve() },
      new ControlledClock('2026-12-01T10:00:00Z'),
      config,
      new SubmittedOnce(new FakeSubmissionLedger()),
    );
    await expect(
      useCase.execute({ actor: coordinator, dossierId: 'd1', startDate: '2026-10-09', reason: 'r' }),
    ).rejects.toThrow('down');
    expect(dossiers.dossiers.get('d1')!.casusregieStartDate).toBe('2026-10-06');
    expect(dossiers.decisions.get('ico-1')!.startDate).toBe('2026-10-06');
    expect(audit.all()).toEqual([]);
  });
});
