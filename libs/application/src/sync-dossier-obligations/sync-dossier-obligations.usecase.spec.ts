import {
  ControlledClock,
  fakeDossier,
  FakeObligationRepository,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { actionPointRuleKey } from '@overlegtafels/domain';
import { ObligationRules } from '../obligations/obligation-rules';
import { nothingSynced } from './sync-dossier-obligations.command';
import { CANCEL_REASON, SyncDossierObligationsUseCase } from './sync-dossier-obligations.usecase';

const NOW = '2026-03-01T09:00:00Z';
const D = 'dossier-1';

function setup() {
  const repo = new FakeObligationRepository();
  const uow = new FakeUnitOfWork(...repo.stores);
  const clock = new ControlledClock(NOW);
  const sync = new SyncDossierObligationsUseCase(
    repo,
    new ObligationRules({ regions: ['co3-antwerpen'] }),
    clock,
  );
  const run = () => uow.run((tx) => sync.execute(tx, { dossierId: D }));
  return { repo, uow, clock, sync, run };
}

/** A dossier whose casusregie started on 2 March 2026, directed by Sara. */
function started(change: Parameters<typeof fakeDossier>[1] = {}) {
  const s = setup();
  s.repo.addDossier(
    fakeDossier(D, {
      casusregisseurId: 'sara',
      casusregieStartDate: new Date('2026-03-02T00:00:00Z'),
      ...change,
    }),
  );
  return s;
}

const byRule = (repo: FakeObligationRepository, ruleKey: string) =>
  repo.obligationsOf(D).find((o) => o.ruleKey === ruleKey)!;

describe('SyncDossierObligationsUseCase', () => {
  it('does nothing for an unknown dossier', async () => {
    const { repo, run } = setup();
    expect(await run()).toEqual(nothingSynced());
    expect(repo.obligations.all()).toEqual([]);
  });

  it('plans nothing for a dossier at the ICO (no casusregie yet), but locks it first', async () => {
    const { repo, uow, run } = setup();
    repo.addDossier(fakeDossier(D));
    expect((await run()).created).toBe(0);
    expect(repo.obligations.all()).toEqual([]);
    expect(repo.locked).toEqual([{ dossierId: D, tx: uow.tx }]);
  });

  it('creates the obligations of a started casusregie, owned by the casusregisseur, with their first steps', async () => {
    const { repo, run } = started();
    expect(await run()).toEqual({
      created: 3,
      updatedDue: 0,
      fulfilled: 0,
      reopened: 0,
      cancelled: 0,
      cancelledIds: [],
    });
    expect(repo.obligationsOf(D).map((o) => [o.ruleKey, o.status, o.ownerId, o.ownerRole])).toEqual([
      ['eerste-plan-van-aanpak', 'open', 'sara', 'casusregisseur'],
      ['instemming-volwassene', 'open', 'sara', 'casusregisseur'],
      ['tussentijdse-evaluatie', 'open', 'sara', 'casusregisseur'],
    ]);
    const consent = byRule(repo, 'instemming-volwassene');
    // Two weeks after the start (the casusregisseur was appointed with it), 09:00 in Brussels (CET).
    expect(consent.dueAt.toISOString()).toBe('2026-03-16T08:00:00.000Z');
    expect(consent.tableKey).toBe('ico');
    const plan = byRule(repo, 'eerste-plan-van-aanpak');
    expect([plan.tableKey, plan.itemType]).toEqual(['weegploeg', 'plan-van-aanpak']);
    expect(plan.sessionKey).toMatch(/^weegploeg:2026-05-\d\d$/);
    // Three reminders and the first escalation; later escalations are the sweep's.
    expect(repo.stepsOf(plan.id).map((s) => s.stepKey.replace(/-due-.*/, ''))).toEqual([
      'reminder-14d',
      'reminder-2d',
      'reminder-0d',
      'escalation-1',
    ]);
  });

  it('adds the hearing of the children over 12 only when there are any', async () => {
    const { repo, run } = started({ childrenOver12: 2 });
    expect((await run()).created).toBe(4);
    const heard = byRule(repo, 'kinderen-boven-12-gehoord');
    // Due with the first plan ("same-as").
    expect(heard.dueAt).toEqual(byRule(repo, 'eerste-plan-van-aanpak').dueAt);
  });

  it('writes nothing when run again without a change (idempotent)', async () => {
    const { repo, run } = started();
    await run();
    const before = { obligations: repo.obligations.all(), steps: repo.steps.all() };
    expect(await run()).toEqual(nothingSynced());
    expect({ obligations: repo.obligations.all(), steps: repo.steps.all() }).toEqual(before);
  });

  it('fulfils the consent obligation when the consent is registered, dropping its unsent steps', async () => {
    const { repo, run } = started();
    await run();
    const consent = byRule(repo, 'instemming-volwassene');
    expect(repo.stepsOf(consent.id).length).toBeGreaterThan(0);
    repo.changeDossier(D, { consentVerifiedAt: new Date('2026-03-02T10:15:00Z') });
    expect(await run()).toMatchObject({ fulfilled: 1, created: 0, cancelled: 0 });
    expect(byRule(repo, 'instemming-volwassene')).toMatchObject({
      status: 'fulfilled',
      fulfilmentKind: 'event',
      fulfilledAt: new Date('2026-03-02T10:15:00Z'),
    });
    expect(repo.stepsOf(consent.id)).toEqual([]);
  });

  it('fulfils the first plan by its agenda item, recording which item', async () => {
    const { repo, run } = started();
    await run();
    const plan = byRule(repo, 'eerste-plan-van-aanpak');
    const sessionDate = plan.sessionKey!.slice('weegploeg:'.length);
    repo.dossiers.update(D, {
      agendaItems: [
        {
          id: 'item-1',
          tableKey: 'weegploeg',
          itemType: 'plan-van-aanpak',
          submittedAt: new Date('2026-04-20T09:00:00Z'),
          status: 'placed',
          sessionScheduledStart: new Date(`${sessionDate}T07:00:00Z`),
        },
      ],
    });
    expect((await run()).fulfilled).toBe(1);
    expect(byRule(repo, 'eerste-plan-van-aanpak')).toMatchObject({
      status: 'fulfilled',
      fulfilmentKind: 'agenda-item',
      fulfilledByAgendaItemId: 'item-1',
    });
  });

  it('moves the due dates when the start moves: unsent steps replaced, sent ones kept', async () => {
    const { repo, run } = started();
    await run();
    const consent = byRule(repo, 'instemming-volwassene');
    const [sent] = repo.stepsOf(consent.id);
    repo.steps.update(sent!.id, { enqueuedAt: new Date(NOW) });
    repo.changeDossier(D, { casusregieStartDate: new Date('2026-03-16T00:00:00Z') });
    const result = await run();
    expect(result.updatedDue).toBe(3);
    // 30 March: summer time, so 07:00 UTC.
    expect(byRule(repo, 'instemming-volwassene').dueAt.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    const keys = repo.stepsOf(consent.id).map((s) => s.stepKey);
    expect(keys).toContain(sent!.stepKey);
    expect(keys.filter((k) => k.includes('due-2026-03-30')).length).toBeGreaterThan(0);
    expect(keys.filter((k) => k.includes('due-2026-03-16'))).toEqual([sent!.stepKey]);
  });

  it('hands open obligations to the new casusregisseur without touching their steps', async () => {
    const { repo, run } = started();
    await run();
    const steps = repo.steps.all();
    repo.changeDossier(D, { casusregisseurId: 'tom' });
    expect(await run()).toEqual(nothingSynced());
    expect(repo.obligationsOf(D).map((o) => o.ownerId)).toEqual(['tom', 'tom', 'tom']);
    expect(repo.steps.all()).toEqual(steps);
  });

  it('cancels what no longer applies, with the reason and the moment, and reopens it when it applies again', async () => {
    const { repo, clock, run } = started();
    await run();
    clock.set('2026-03-05T12:00:00Z');
    repo.changeDossier(D, { casusregieStartDate: null });
    expect((await run()).cancelled).toBe(3);
    expect(
      repo.obligationsOf(D).map((o) => [o.status, o.cancelReason, o.cancelledAt?.toISOString()]),
    ).toEqual(Array(3).fill(['cancelled', CANCEL_REASON, '2026-03-05T12:00:00.000Z']));
    expect(repo.steps.all()).toEqual([]);

    repo.changeDossier(D, { casusregieStartDate: new Date('2026-03-02T00:00:00Z') });
    expect((await run()).reopened).toBe(3);
    expect(repo.obligationsOf(D).map((o) => [o.status, o.cancelReason, o.cancelledAt])).toEqual(
      Array(3).fill(['open', null, null]),
    );
    expect(repo.steps.all().length).toBeGreaterThan(0);
  });

  it('re-plans after a calendar change every dossier hanging on the table, and moves the due date', async () => {
    const { repo, uow, sync, run } = started();
    repo.addDossier(fakeDossier('dossier-2'));
    await run();
    const plan = byRule(repo, 'eerste-plan-van-aanpak');
    const sessionDate = plan.sessionKey!.slice('weegploeg:'.length);
    repo.calendars.set('weegploeg', { cancellations: [{ scheduledDate: sessionDate, reason: 'feestdag' }] });
    repo.locked.length = 0;
    expect(await uow.run((tx) => sync.executeForTable(tx, { tableKey: 'weegploeg' }))).toBe(1);
    expect(repo.locked.map((l) => l.dossierId)).toEqual([D]);
    const moved = byRule(repo, 'eerste-plan-van-aanpak');
    expect(moved.sessionKey).not.toBe(plan.sessionKey);
    expect(moved.dueAt.getTime()).toBeGreaterThan(plan.dueAt.getTime());
  });

  it('re-plans nobody after a change of a table no open obligation hangs on', async () => {
    const { repo, uow, sync, run } = started();
    await run();
    repo.locked.length = 0;
    expect(await uow.run((tx) => sync.executeForTable(tx, { tableKey: 'ico' }))).toBe(0);
    expect(repo.locked).toEqual([]);
  });

  it('leaves the action points of a verslag alone: not cancelled, not re-planned, with or without a plan', async () => {
    const { repo, uow, run } = started();
    const dueAt = new Date('2026-03-20T16:00:00Z');
    const id = await uow.run((tx) =>
      repo.addObligation(
        tx,
        {
          dossierId: D,
          ruleKey: 'actiepunt:ico:ap-1',
          sequence: 0,
          placement: {
            ownerId: 'wim',
            ownerRole: 'casusregisseur',
            tableKey: 'ico',
            itemType: null,
            sessionKey: null,
          },
          dueAt,
          status: 'open',
          fulfilment: null,
        },
        [{ stepKey: 'reminder-1', sendAt: new Date('2026-03-19T08:00:00Z') }],
      ),
    );
    expect((await run()).cancelled).toBe(0);
    await run();
    const point = repo.obligations.get(id)!;
    expect([point.status, point.dueAt, point.ownerId, point.tableKey]).toEqual(['open', dueAt, 'wim', 'ico']);
    expect(
      repo.steps
        .all()
        .filter((s) => s.obligationId === id)
        .map((s) => s.stepKey),
    ).toEqual(['reminder-1']);
    // A dossier with nothing planned (still at the ICO) keeps its action point too.
    const ico = setup();
    ico.repo.addDossier(fakeDossier(D));
    const open = await ico.uow.run((tx) =>
      ico.repo.addObligation(
        tx,
        {
          dossierId: D,
          ruleKey: 'actiepunt:ico:ap-2',
          sequence: 0,
          placement: {
            ownerId: 'an',
            ownerRole: 'casusregisseur',
            tableKey: 'ico',
            itemType: null,
            sessionKey: null,
          },
          dueAt,
          status: 'open',
          fulfilment: null,
        },
        [],
      ),
    );
    expect(await ico.run()).toEqual(nothingSynced());
    expect(ico.repo.obligations.get(open)!.status).toBe('open');
  });
});

describe('SyncDossierObligationsUseCase after a heropening (Oost-Vlaanderen)', () => {
  const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

  /** A dossier of the team regie whose casusregie started on Monday 19 January 2026, directed by Elke. */
  function ovDossier() {
    const repo = new FakeObligationRepository();
    const uow = new FakeUnitOfWork(...repo.stores);
    const clock = new ControlledClock('2026-01-19T09:00:00Z');
    const sync = new SyncDossierObligationsUseCase(
      repo,
      new ObligationRules({ regions: ['oost-vlaanderen'] }),
      clock,
    );
    repo.addDossier(
      fakeDossier(D, {
        code: 'VHOV-2026-0001',
        casusregisseurId: 'elke',
        casusregieStartDate: day('2026-01-19'),
      }),
    );
    const run = (cancelReason?: string) =>
      uow.run((tx) => sync.execute(tx, { dossierId: D, ...(cancelReason && { cancelReason }) }));
    const rows = () =>
      repo
        .obligationsOf(D)
        .map((o) => `${o.life} ${o.ruleKey}#${o.sequence} ${o.status} ${o.dueAt.toISOString()}`);
    return { repo, uow, clock, run, rows };
  }

  it('plans the second life anew from its own start, cancels what the first left open and keeps its history', async () => {
    const { repo, uow, clock, run, rows } = ovDossier();
    await run();
    const first = repo.obligationsOf(D).find((o) => o.ruleKey === 'netwerkoverleg')!;
    await uow.run((tx) =>
      repo.fulfilManually(tx, first.id, 'elke', 'Netwerkoverleg gehouden.', day('2026-03-10')),
    );
    await run();
    // An action point of a verslag, still open when the dossier closes.
    const actionPoint = await uow.run((tx) =>
      repo.addObligation(
        tx,
        {
          dossierId: D,
          ruleKey: actionPointRuleKey('team-regie', 'ap-1'),
          sequence: 0,
          placement: {
            ownerId: 'elke',
            ownerRole: 'casusregisseur',
            tableKey: 'team-regie',
            itemType: null,
            sessionKey: null,
          },
          dueAt: new Date('2027-03-01T16:00:00Z'),
          status: 'open',
          fulfilment: null,
        },
        [],
      ),
    );
    repo.changeDossier(D, { afrondingDate: day('2026-06-02') });
    await run();
    repo.changeDossier(D, { afsluitingDate: day('2026-09-08') });
    await run();
    const firstLife = rows();
    expect(firstLife).toEqual([
      '1 actiepunt:team-regie:ap-1#0 open 2027-03-01T16:00:00.000Z',
      '1 afsluiting-na-afronding#0 fulfilled 2026-09-02T07:00:00.000Z',
      '1 netwerkoverleg#0 fulfilled 2026-04-19T15:00:00.000Z',
      '1 netwerkoverleg#1 cancelled 2026-06-10T15:00:00.000Z',
      expect.stringMatching(/^1 plan-van-aanpak-team-regie#0 cancelled /),
    ]);

    // Reopened on Monday 25 January 2027: the dossier's dates are reset, its next life begins.
    clock.set('2027-01-25T08:00:00Z');
    repo.changeDossier(D, {
      casusregisseurId: null,
      casusregieStartDate: null,
      afrondingDate: null,
      afsluitingDate: null,
    });
    repo.reopen(D, new Date('2027-01-25T08:00:00Z'));
    const atReopening = await run('Vervallen door de heropening.');
    expect(atReopening).toMatchObject({ created: 0, cancelled: 1, cancelledIds: [actionPoint] });
    expect(repo.obligations.get(actionPoint)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Vervallen door de heropening.',
    });

    // The second casusregie starts on Monday 8 February 2027: its obligations again, from that day.
    repo.changeDossier(D, { casusregisseurId: 'elke', casusregieStartDate: day('2027-02-08') });
    expect((await run()).created).toBe(2);
    const secondLife = repo.obligationsOf(D).filter((o) => o.life === 2);
    expect(secondLife.map((o) => [o.ruleKey, o.sequence, o.status, o.ownerId])).toEqual([
      ['netwerkoverleg', 0, 'open', 'elke'],
      ['plan-van-aanpak-team-regie', 0, 'open', 'elke'],
    ]);
    // Three months after the new start, Saturday 8 May 2027 at 17:00 in Brussels (summer time).
    expect(secondLife[0]?.dueAt.toISOString()).toBe('2027-05-08T15:00:00.000Z');
    // The first life as it was (the action point now cancelled).
    expect(rows().filter((r) => r.startsWith('1 '))).toEqual([
      '1 actiepunt:team-regie:ap-1#0 cancelled 2027-03-01T16:00:00.000Z',
      ...firstLife.slice(1),
    ]);
    expect((await run()).created + (await run()).cancelled).toBe(0);
  });
});
