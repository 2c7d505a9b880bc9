import type { Principal, RoleGrant } from '@overlegtafels/auth';
import type { AuditLog } from '../ports/audit-log.port';
import {
  ControlledClock,
  fakeDossier,
  FakeObligationRepository,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { ObligationRules } from '../obligations/obligation-rules';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import { SubmittedOnce } from '../submissions/submitted-once';
import { MAX_NOTE_LENGTH, MarkObligationDoneUseCase } from './mark-obligation-done.usecase';

const D = 'dossier-1';
const NOW = '2026-05-04T10:00:00Z';

function principal(personId: string, ...grants: RoleGrant[]): Principal {
  return {
    personId,
    regionId: 'region-1',
    displayName: personId,
    email: `${personId}@example.org`,
    organisationId: null,
    grants,
    sessionId: 's',
    csrfToken: 'c',
  };
}

const sara = principal('sara', { role: 'casusregisseur', tableKey: null });
const tom = principal('tom', { role: 'casusregisseur', tableKey: null });
const lotte = principal('lotte', { role: 'coordinator', tableKey: 'weegploeg' });

/** A dossier with casusregie since March and a consulent since then: its obligations planned. */
async function setup() {
  const repo = new FakeObligationRepository();
  repo.addDossier(
    fakeDossier(D, {
      casusregisseurId: 'sara',
      casusregieStartDate: new Date('2026-03-02T00:00:00Z'),
      ocjSdjConsulentInvolved: true,
      consulentInvolvedSince: new Date('2026-03-02T00:00:00Z'),
    }),
  );
  const uow = new FakeUnitOfWork(...repo.stores);
  const clock = new ControlledClock(NOW);
  const rules = new ObligationRules({ regions: ['co3-antwerpen'] });
  const sync = new SyncDossierObligationsUseCase(repo, rules, clock);
  await uow.run((tx) => sync.execute(tx, { dossierId: D }));
  const events: { outcome: string; entityId: string | null; dossierId?: string | null; details?: unknown }[] =
    [];
  const audit = { append: async (e: (typeof events)[number]) => void events.push(e) };
  const markDone = new MarkObligationDoneUseCase(
    uow,
    repo,
    sync,
    rules,
    audit as unknown as AuditLog,
    clock,
    new SubmittedOnce(new FakeSubmissionLedger()),
  );
  const id = (ruleKey: string, sequence = 0) =>
    repo.obligationsOf(D).find((o) => o.ruleKey === ruleKey && o.sequence === sequence)!.id;
  const done = (who: Principal, obligationId: string, note: string) =>
    markDone.execute(who, { obligationId, note, route: 'POST /opvolging/:id/afgerond' });
  const doneOnce = (who: Principal, obligationId: string, note: string, submissionKey: string) =>
    markDone.execute(who, { obligationId, note, route: 'POST /opvolging/:id/afgerond', submissionKey });
  return { repo, uow, events, id, done, doneOnce };
}

describe('MarkObligationDoneUseCase', () => {
  it('marks a manual obligation done for its owner, keeps the note, plans the next one and audits ids only', async () => {
    const { repo, uow, events, id, done } = await setup();
    const first = id('afstemming-consulent');
    expect(await done(sara, first, '  Gebeld met de consulent.  ')).toEqual({
      ok: true,
      obligationId: first,
      dossierId: D,
    });
    expect(repo.obligations.get(first)).toMatchObject({
      status: 'fulfilled',
      fulfilmentKind: 'manual',
      fulfilmentNote: 'Gebeld met de consulent.',
      fulfilledById: 'sara',
      fulfilledAt: new Date(NOW),
    });
    expect(repo.stepsOf(first)).toEqual([]);
    // Repeats after each time it is done: three months after this one.
    expect(repo.obligations.get(id('afstemming-consulent', 1))).toMatchObject({
      status: 'open',
      dueAt: new Date('2026-08-04T07:00:00Z'),
    });
    expect(uow.commits).toBe(2);
    expect(events).toEqual([
      expect.objectContaining({
        outcome: 'allowed',
        entityId: first,
        dossierId: D,
        details: { ruleKey: 'afstemming-consulent', code: null },
      }),
    ]);
  });

  it('marks once per key: a repeat answers as the first, not "no longer open", and writes nothing', async () => {
    const { repo, events, id, done, doneOnce } = await setup();
    const first = id('afstemming-consulent');
    const answer = { ok: true, obligationId: first, dossierId: D };
    expect(await doneOnce(sara, first, 'Gebeld.', 'afgerond-0001')).toEqual(answer);
    expect(await doneOnce(sara, first, 'Gebeld.', 'afgerond-0001')).toEqual(answer);
    expect(repo.obligationsOf(D).filter((o) => o.ruleKey === 'afstemming-consulent')).toHaveLength(2);
    expect(events.map((e) => e.outcome)).toEqual(['allowed']);
    // Without the key (an old form), the second press is told the task is no longer open.
    expect(await done(sara, first, 'Gebeld.')).toMatchObject({ ok: false, code: 'OBLIGATION_NOT_OPEN' });
  });

  it('refuses an empty note as invalid, and writes nothing', async () => {
    const { repo, events, id, done } = await setup();
    const o = id('afstemming-consulent');
    expect(await done(sara, o, '   ')).toEqual({
      ok: false,
      code: 'FULFILMENT_NOTE_REQUIRED',
      message: 'Noteer kort wat er gebeurd is voor u de taak als afgerond markeert.',
      kind: 'invalid',
    });
    expect(repo.obligations.get(o)!.status).toBe('open');
    expect(events.map((e) => [e.outcome, (e.details as { code: string }).code])).toEqual([
      ['denied', 'FULFILMENT_NOTE_REQUIRED'],
    ]);
  });

  it('refuses a note over the limit as invalid', async () => {
    const { id, done } = await setup();
    const result = await done(sara, id('afstemming-consulent'), 'x'.repeat(MAX_NOTE_LENGTH + 1));
    expect(result).toMatchObject({ ok: false, code: 'FULFILMENT_NOTE_TOO_LONG', kind: 'invalid' });
  });

  it('refuses one that is not open any more as a conflict', async () => {
    const { id, done } = await setup();
    const o = id('afstemming-consulent');
    await done(sara, o, 'eerste keer');
    expect(await done(sara, o, 'tweede keer')).toMatchObject({
      ok: false,
      code: 'OBLIGATION_NOT_OPEN',
      kind: 'conflict',
    });
  });

  it('refuses a second click that lost the race to the first as a conflict, and audits it', async () => {
    const { repo, events, id, done } = await setup();
    const o = id('afstemming-consulent');
    const open = await repo.findToFulfil(o);
    await done(sara, o, 'eerste klik');
    events.length = 0;
    // The second request read the obligation while it was still open.
    repo.findToFulfil = async () => open;
    expect(await done(sara, o, 'tweede klik')).toEqual({
      ok: false,
      code: 'OBLIGATION_NOT_OPEN',
      message: 'Deze opvolgingstaak is niet meer open.',
      kind: 'conflict',
    });
    expect(repo.obligations.get(o)!.fulfilmentNote).toBe('eerste klik');
    expect(events.map((e) => [e.outcome, (e.details as { code: string }).code])).toEqual([
      ['denied', 'OBLIGATION_NOT_OPEN'],
    ]);
  });

  it('refuses the owner an obligation that is done by agendering: only a coordinator may close it', async () => {
    const { repo, id, done } = await setup();
    const plan = id('eerste-plan-van-aanpak');
    expect(await done(sara, plan, 'toch afgerond')).toMatchObject({
      ok: false,
      code: 'MANUAL_FULFILMENT_NOT_ALLOWED',
      kind: 'forbidden',
    });
    expect(repo.obligations.get(plan)!.status).toBe('open');
    expect(await done(lotte, plan, 'besproken buiten de zitting')).toMatchObject({ ok: true });
    expect(repo.obligations.get(plan)).toMatchObject({ status: 'fulfilled', fulfilledById: 'lotte' });
  });

  it('answers "not found" for someone else’s obligation, as for one that does not exist, without naming the dossier', async () => {
    const { repo, events, id, done } = await setup();
    const o = id('afstemming-consulent');
    const notFound = { ok: false, code: 'OBLIGATION_NOT_FOUND', kind: 'not_found' };
    expect(await done(tom, o, 'niet van mij')).toMatchObject(notFound);
    expect(await done(sara, 'obligation-unknown', 'bestaat niet')).toMatchObject(notFound);
    expect(await done({ ...sara, regionId: 'region-2' }, o, 'andere regio')).toMatchObject(notFound);
    expect(repo.obligations.get(o)!.status).toBe('open');
    expect(events.map((e) => [e.outcome, e.entityId, e.dossierId])).toEqual([
      ['denied', o, null],
      ['denied', null, null],
      // Another region's attempt: the region fence names the dossier it reached for, then the answer.
      ['denied', o, repo.obligations.get(o)!.dossierId],
      ['denied', null, null],
    ]);
  });

  it('rolls the "done" back when the re-plan in its transaction fails', async () => {
    const { repo, id, done } = await setup();
    const o = id('afstemming-consulent');
    repo.lockDossierToPlan = async () => {
      throw new Error('lock timeout');
    };
    await expect(done(sara, o, 'gedaan')).rejects.toThrow('lock timeout');
    expect(repo.obligations.get(o)).toMatchObject({ status: 'open', fulfilmentNote: null });
    expect(repo.stepsOf(o).length).toBeGreaterThan(0);
  });
});
