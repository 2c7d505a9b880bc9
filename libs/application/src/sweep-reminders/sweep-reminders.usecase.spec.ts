import { mailIdentity, MailComposer } from '@overlegtafels/mail';
import {
  ControlledClock,
  fakeDossier,
  FakeMailJobQueue,
  FakeMailOutbox,
  FakePersonDirectory,
  FakeObligationRepository,
  FakeReminderSweepClaim,
  FakeUnitOfWork,
} from '@overlegtafels/testing';
import { ObligationRules } from '../obligations/obligation-rules';
import { SyncDossierObligationsUseCase } from '../sync-dossier-obligations/sync-dossier-obligations.usecase';
import { reminderIdempotencyKey, ReminderMail } from './reminder-mail';
import { SweepRemindersUseCase } from './sweep-reminders.usecase';

const D = 'dossier-1';
const identity = mailIdentity('Overlegtafels <noreply@overlegtafels.example>', 'CO3 Antwerpen');
const composer = new MailComposer(identity);

/**
 * A dossier whose casusregie started on Monday 16 February 2026, directed by Sara: the consent is
 * due two weeks later, Monday 2 March at 09:00 (reminders a week and two days before and on the
 * day at 08:00, escalation to the ICO's coordinators the day after).
 */
async function setup(options: { owner?: string | null } = {}) {
  const repo = new FakeObligationRepository();
  repo.addDossier(
    fakeDossier(D, {
      code: 'CO3-2026-0042',
      casusregisseurId: options.owner === undefined ? 'sara' : options.owner,
      casusregieStartDate: new Date('2026-02-16T00:00:00Z'),
    }),
  );
  const people = new FakePersonDirectory()
    .addPerson({ id: 'sara', displayName: 'Sara El Idrissi' })
    .addPerson({ id: 'lotte', displayName: 'Lotte', coordinates: ['ico'] })
    .addPerson({ id: 'jan', displayName: 'Jan', coordinates: [null] })
    .addPerson({ id: 'piet', displayName: 'Piet', coordinates: ['weegploeg'] });
  const outbox = new FakeMailOutbox();
  const queue = new FakeMailJobQueue();
  const claims = new FakeReminderSweepClaim(repo);
  const uow = new FakeUnitOfWork(...repo.stores, outbox.rows);
  const clock = new ControlledClock('2026-03-01T09:00:00Z');
  const rules = new ObligationRules({ regions: ['co3-antwerpen'] });
  await uow.run((tx) => new SyncDossierObligationsUseCase(repo, rules, clock).execute(tx, { dossierId: D }));
  const mails = new ReminderMail(people, composer, rules, { publicUrl: 'https://overleg.example' });
  const sweep = new SweepRemindersUseCase(uow, claims, outbox, queue, mails, rules, identity, clock);
  const consent = repo.obligationsOf(D).find((o) => o.ruleKey === 'instemming-volwassene')!;
  return { repo, people, outbox, queue, claims, uow, clock, sweep, consent };
}

describe('SweepRemindersUseCase', () => {
  it('sends nothing before a step is due', async () => {
    const { sweep, outbox, queue, clock } = await setup();
    clock.set('2026-02-22T12:00:00Z'); // the first reminder is on Monday 23 February
    expect(await sweep.execute()).toEqual({ obligations: 0, steps: 0, mails: 0, superseded: 0, failed: 0 });
    expect(outbox.messages()).toEqual([]);
    expect(queue.calls).toEqual([]);
  });

  it('turns a due reminder into one outbox mail and one job, the earlier missed one superseded', async () => {
    const { sweep, outbox, queue, repo, clock, consent, uow } = await setup();
    clock.set('2026-03-02T07:30:00Z'); // 08:30 in Brussels, on the due day
    expect(await sweep.execute()).toEqual({ obligations: 1, steps: 1, mails: 1, superseded: 2, failed: 0 });
    const [mail] = outbox.messages();
    expect(mail).toMatchObject({
      idempotencyKey: reminderIdempotencyKey(consent.id, 'reminder-0d-due-2026-03-02', 'sara'),
      purpose: 'obligation-reminder',
      templateKey: 'reminder',
      recipientEmail: 'sara@example.org',
      recipientPersonId: 'sara',
      dossierId: D,
      payload: { obligationId: consent.id, stepKey: 'reminder-0d-due-2026-03-02', dossierId: D },
    });
    // Codes only in the subject; the follow-up page (no agendering for this rule) in the text.
    expect(mail!.subject).toContain('CO3-2026-0042');
    expect(mail!.subject).not.toContain('Sara');
    expect(mail!.textBody).toContain('https://overleg.example/opvolging');
    expect(outbox.handles).toEqual([uow.tx]);
    expect(queue.calls).toEqual([[{ outboxId: mail!.id, idempotencyKey: mail!.idempotencyKey }]]);
    expect(
      repo.stepsOf(consent.id).map((s) => [s.stepKey, s.enqueuedAt?.toISOString() ?? null, s.superseded]),
    ).toEqual([
      ['reminder-7d-due-2026-03-02', '2026-03-02T07:30:00.000Z', true],
      ['reminder-2d-due-2026-03-02', '2026-03-02T07:30:00.000Z', true],
      ['reminder-0d-due-2026-03-02', '2026-03-02T07:30:00.000Z', false],
      ['escalation-1-due-2026-03-02', null, false],
    ]);
  });

  it('never sends a step twice: a second sweep of the same minute, or a later one, finds it handled', async () => {
    const { sweep, outbox, queue, clock } = await setup();
    clock.set('2026-03-02T07:30:00Z');
    await sweep.execute();
    expect(await sweep.execute()).toEqual({ obligations: 0, steps: 0, mails: 0, superseded: 0, failed: 0 });
    clock.set('2026-03-02T20:00:00Z');
    expect((await sweep.execute()).steps).toBe(0);
    expect(outbox.messages()).toHaveLength(1);
    expect(queue.queued().size).toBe(1);
  });

  it('escalates to the coordinators of the table (and the region-wide ones), records it, and plans the next escalation', async () => {
    const { sweep, outbox, repo, clock, consent } = await setup();
    clock.set('2026-03-02T07:30:00Z');
    await sweep.execute();
    clock.set('2026-03-03T07:05:00Z'); // 08:05 on Tuesday
    expect(await sweep.execute()).toEqual({ obligations: 1, steps: 1, mails: 2, superseded: 0, failed: 0 });
    const escalations = outbox.messages().filter((m) => m.purpose === 'obligation-escalation');
    expect(escalations.map((m) => m.recipientPersonId)).toEqual(['jan', 'lotte']);
    expect(escalations[0]!.textBody).toContain('https://overleg.example/coordinatie');
    expect(repo.obligations.get(consent.id)!.lastEscalatedAt).toEqual(new Date('2026-03-03T07:05:00Z'));
    const waiting = repo.stepsOf(consent.id).filter((s) => s.enqueuedAt === null);
    expect(waiting.map((s) => [s.stepKey, s.sendAt.toISOString()])).toEqual([
      ['escalation-2-due-2026-03-02', '2026-03-10T07:00:00.000Z'],
    ]);
  });

  it('sends the owner’s reminder to the coordinators when the dossier has no casusregisseur', async () => {
    const { sweep, outbox, clock } = await setup({ owner: null });
    clock.set('2026-03-02T07:30:00Z');
    expect((await sweep.execute()).mails).toBe(2);
    expect(outbox.messages().map((m) => [m.purpose, m.recipientPersonId])).toEqual([
      ['obligation-reminder', 'jan'],
      ['obligation-reminder', 'lotte'],
    ]);
  });

  it('leaves an obligation another worker holds for that worker', async () => {
    const { sweep, outbox, claims, repo, clock, consent } = await setup();
    claims.heldElsewhere.add(consent.id);
    clock.set('2026-03-02T07:30:00Z');
    expect(await sweep.execute()).toEqual({ obligations: 0, steps: 0, mails: 0, superseded: 0, failed: 0 });
    expect(claims.claims).toEqual([consent.id]);
    expect(outbox.messages()).toEqual([]);
    expect(repo.stepsOf(consent.id).every((s) => s.enqueuedAt === null)).toBe(true);
  });

  it('drops the due steps of a rule taken out of the configuration without a mail', async () => {
    const { sweep, outbox, repo, clock, consent } = await setup();
    repo.obligations.update(consent.id, { ruleKey: 'vervallen-regel' });
    clock.set('2026-03-02T07:30:00Z');
    expect(await sweep.execute()).toEqual({ obligations: 0, steps: 0, mails: 0, superseded: 3, failed: 0 });
    expect(outbox.messages()).toEqual([]);
    expect(
      repo
        .stepsOf(consent.id)
        .filter((s) => s.enqueuedAt !== null)
        .map((s) => s.superseded),
    ).toEqual([true, true, true]);
  });

  it('counts an obligation that cannot be sent as failed, rolls its writes back and goes on with the others', async () => {
    const { sweep, outbox, repo, clock, consent, queue, uow } = await setup();
    repo.addDossier(
      fakeDossier('dossier-2', {
        code: 'CO3-2026-0043',
        casusregisseurId: 'ghost',
        casusregieStartDate: new Date('2026-02-16T00:00:00Z'),
      }),
    );
    const other = new SyncDossierObligationsUseCase(
      repo,
      new ObligationRules({ regions: ['co3-antwerpen'] }),
      clock,
    );
    await uow.run((tx) => other.execute(tx, { dossierId: 'dossier-2' }));
    const broken = repo.obligationsOf('dossier-2').find((o) => o.ruleKey === 'instemming-volwassene')!;
    const add = outbox.add.bind(outbox);
    outbox.add = async (message, tx) => {
      if (message.dossierId === 'dossier-2') throw new Error('SMTP address rejected');
      return add(message, tx);
    };
    clock.set('2026-03-02T07:30:00Z');
    // "ghost" is nobody: the coordinators hear of dossier 2, and that fails.
    expect(await sweep.execute()).toMatchObject({ obligations: 1, steps: 1, failed: 1 });
    expect(outbox.messages().map((m) => m.dossierId)).toEqual([D]);
    expect(repo.stepsOf(broken.id).every((s) => s.enqueuedAt === null)).toBe(true);
    expect(repo.stepsOf(consent.id).some((s) => s.enqueuedAt !== null)).toBe(true);
    expect(queue.queued().size).toBe(1);
  });

  it('finds what is due without claiming or writing: per obligation, the latest step of each kind', async () => {
    const { sweep, claims, repo, consent } = await setup();
    const found = await sweep.findDue(new Date('2026-03-03T07:05:00Z'));
    expect(found.map((d) => [d.obligationId, d.steps.map((s) => s.stepKey)])).toEqual([
      [consent.id, ['reminder-0d-due-2026-03-02', 'escalation-1-due-2026-03-02']],
    ]);
    expect(claims.claims).toEqual([]);
    expect(repo.stepsOf(consent.id).every((s) => s.enqueuedAt === null)).toBe(true);
  });
});

describe('SweepRemindersUseCase after a change of casusregisseur', () => {
  it('sends a reminder planned while Sara directed the dossier to Tom, who directs it now', async () => {
    const { sweep, outbox, repo, people, clock, uow, consent } = await setup();
    people.addPerson({ id: 'tom', displayName: 'Tom Peeters' });
    const planned = repo.stepsOf(consent.id);
    repo.changeDossier(D, { casusregisseurId: 'tom' });
    const rules = new ObligationRules({ regions: ['co3-antwerpen'] });
    await uow.run((tx) =>
      new SyncDossierObligationsUseCase(repo, rules, clock).execute(tx, { dossierId: D }),
    );
    expect(repo.stepsOf(consent.id)).toEqual(planned);
    clock.set('2026-03-02T07:30:00Z');
    await sweep.execute();
    expect(outbox.messages().map((m) => [m.purpose, m.recipientPersonId])).toEqual([
      ['obligation-reminder', 'tom'],
    ]);
  });
});

describe('SweepRemindersUseCase for the strategic coordinators', () => {
  /** A dossier closed at the Ronde Tafel of Thursday 17 December 2026: the quality check is due 14 January, 09:00. */
  async function closed() {
    const repo = new FakeObligationRepository();
    repo.addDossier(
      fakeDossier(D, {
        code: 'CO3-2026-0042',
        casusregisseurId: 'sara',
        casusregieStartDate: new Date('2026-03-02T00:00:00Z'),
        consentVerifiedAt: new Date('2026-03-01T10:00:00Z'),
        afrondingDate: new Date('2026-06-16T00:00:00Z'),
        afsluitingDate: new Date('2026-12-17T00:00:00Z'),
      }),
    );
    const people = new FakePersonDirectory()
      .addPerson({ id: 'sara' })
      .addPerson({ id: 'lotte', coordinates: [null] })
      .addPerson({ id: 'ines', strategic: true })
      .addPerson({ id: 'wout', strategic: true })
      .addPerson({ id: 'elders', strategic: true, regionId: 'region-2' });
    const outbox = new FakeMailOutbox();
    const uow = new FakeUnitOfWork(...repo.stores, outbox.rows);
    const clock = new ControlledClock('2026-12-20T09:00:00Z');
    const rules = new ObligationRules({ regions: ['co3-antwerpen'] });
    await uow.run((tx) =>
      new SyncDossierObligationsUseCase(repo, rules, clock).execute(tx, { dossierId: D }),
    );
    const mails = new ReminderMail(people, composer, rules, { publicUrl: 'https://overleg.example' });
    const sweep = new SweepRemindersUseCase(
      uow,
      new FakeReminderSweepClaim(repo),
      outbox,
      new FakeMailJobQueue(),
      mails,
      rules,
      identity,
      clock,
    );
    const check = repo.obligationsOf(D).find((o) => o.ruleKey === 'kwaliteitscontrole')!;
    return { outbox, clock, sweep, check };
  }

  it('reminds them, not the Ronde Tafel’s coordinators, of the quality check, linking the task’s page', async () => {
    const { outbox, clock, sweep, check } = await closed();
    expect(check).toMatchObject({ ownerRole: 'strategisch-coordinator', ownerId: null, tableKey: null });
    clock.set('2027-01-07T07:30:00Z'); // a week before, 08:30 in Brussels
    await sweep.execute();
    const sent = outbox
      .messages()
      .filter((m) => (m.payload as { obligationId: string }).obligationId === check.id);
    expect(sent.map((m) => [m.purpose, m.recipientPersonId])).toEqual([
      ['obligation-reminder', 'ines'],
      ['obligation-reminder', 'wout'],
    ]);
    expect(sent[0]!.textBody).toContain(`https://overleg.example/opvolging/${check.id}`);
    expect(sent[0]!.textBody).toContain('vult u het korte formulier in');
  });

  it('escalates an overdue check back to them, with the task’s page and not the coordinators’ overview', async () => {
    const { outbox, clock, sweep, check } = await closed();
    clock.set('2027-01-15T07:30:00Z'); // the day after the due date
    await sweep.execute();
    const escalations = outbox
      .messages()
      .filter(
        (m) =>
          m.purpose === 'obligation-escalation' &&
          (m.payload as { obligationId: string }).obligationId === check.id,
      );
    expect(escalations.map((m) => m.recipientPersonId)).toEqual(['ines', 'wout']);
    expect(escalations[0]!.textBody).toContain(`https://overleg.example/opvolging/${check.id}`);
    expect(escalations[0]!.textBody).toContain('Verantwoordelijke: de strategisch coördinatoren');
    expect(escalations[0]!.textBody).not.toContain('/coordinatie');
  });
});
