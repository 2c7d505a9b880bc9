import { FakeSubmissionLedger } from '@overlegtafels/testing';
import { SubmittedOnce } from '../submissions/submitted-once';
import { minutesWorld, people, refusalOf, SESSION } from '../minutes/minutes-world.test-util';
import { ReopenMinutesUseCase } from '../reopen-minutes/reopen-minutes.usecase';
import { CloseMinutesUseCase } from './close-minutes.usecase';

function setup(options: Parameters<typeof minutesWorld>[0] = {}) {
  const w = minutesWorld(options);
  const ledger = new FakeSubmissionLedger();
  const once = new SubmittedOnce(ledger);
  const config = { publicUrl: 'https://overlegtafels.example.be' };
  return {
    ...w,
    close: new CloseMinutesUseCase(w.uow, w.access, w.minutes, w.composer, w.outbox, config, once),
    reopen: new ReopenMinutesUseCase(w.uow, w.access, w.minutes, once),
    ledger,
  };
}
const route = 'POST /api/zittingen/:sessionId/verslag/afsluiten';

describe('CloseMinutesUseCase and ReopenMinutesUseCase', () => {
  it('closes the verslag and tells every participant it is ready: the session and its date only', async () => {
    const { close, minutes, outbox, audit } = setup();
    expect(await close.execute(people.lotte, { sessionId: SESSION, route })).toEqual({
      sessionId: SESSION,
      told: 3,
    });
    expect(minutes.stateOf(SESSION)).toMatchObject({ closedById: 'lotte', closings: 1 });
    const mails = outbox.messages();
    expect(mails.map((m) => [m.recipientEmail, m.idempotencyKey, m.sessionId, m.purpose])).toEqual([
      ['lotte@example.be', `minutes-ready|${SESSION}|1|lotte`, SESSION, 'minutes-ready'],
      ['wim@example.be', `minutes-ready|${SESSION}|1|wim`, SESSION, 'minutes-ready'],
      ['eva@example.org', `minutes-ready|${SESSION}|1|eva`, SESSION, 'minutes-ready'],
    ]);
    for (const m of mails) {
      expect(m.subject).toBe('Verslag: Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen');
      expect(m.textBody).toContain(`https://overlegtafels.example.be/verslag/${SESSION}`);
      expect(m.textBody).not.toMatch(/CO3-2026-010/);
    }
    expect(audit.of('minutes.close').map((e) => [e.outcome, e.details])).toEqual([
      ['allowed', { closings: 1, told: 3 }],
    ]);
  });

  it('is for the voorzitter or a coordinator, once the session is held, and once', async () => {
    const { close, outbox } = setup();
    const verslaggever = await refusalOf(close.execute(people.jonas, { sessionId: SESSION, route }));
    expect([verslaggever.code, verslaggever.kind]).toEqual(['MINUTES_NOT_ALLOWED', 'forbidden']);
    await close.execute(people.lotte, { sessionId: SESSION, route });
    const again = await refusalOf(close.execute(people.lotte, { sessionId: SESSION, route }));
    expect([again.code, again.kind]).toEqual(['MINUTES_ALREADY_CLOSED', 'conflict']);
    expect(outbox.messages()).toHaveLength(3);
    const notHeld = setup({ status: 'sent' });
    const early = await refusalOf(notHeld.close.execute(people.lotte, { sessionId: SESSION, route }));
    expect(early.code).toBe('SESSION_NOT_HELD');
  });

  it('reopens with a reason for a correction; closing again tells the participants again, under new keys', async () => {
    const { close, reopen, minutes, outbox, audit } = setup();
    await close.execute(people.lotte, { sessionId: SESSION, route });
    const open = await refusalOf(
      reopen.execute(people.jonas, { sessionId: SESSION, reason: 'Typfout.', route }),
    );
    expect(open.code).toBe('MINUTES_NOT_ALLOWED');
    await reopen.execute(people.lotte, { sessionId: SESSION, reason: 'Typfout in punt 2.', route });
    expect(minutes.stateOf(SESSION)).toMatchObject({ closedAt: null, reopenReason: 'Typfout in punt 2.' });
    const twice = await refusalOf(
      reopen.execute(people.lotte, { sessionId: SESSION, reason: 'Nog eens.', route }),
    );
    expect(twice.code).toBe('MINUTES_NOT_CLOSED');
    await close.execute(people.lotte, { sessionId: SESSION, route });
    expect(outbox.messages().filter((m) => m.idempotencyKey.includes('|2|'))).toHaveLength(3);
    expect(audit.of('minutes.reopen').map((e) => e.outcome)).toEqual(['denied', 'allowed', 'denied']);
  });

  it('closes once per key: the same press again answers the first result, mails no one again and is no refusal', async () => {
    const { close, outbox, ledger } = setup();
    const first = await close.execute(people.lotte, {
      sessionId: SESSION,
      route,
      submissionKey: 'afsluiten-0001',
    });
    const mails = outbox.written().length;
    expect(
      await close.execute(people.lotte, { sessionId: SESSION, route, submissionKey: 'afsluiten-0001' }),
    ).toEqual(first);
    expect(outbox.written().length).toBe(mails);
    expect(ledger.rows.map((r) => r.ref.scope)).toEqual(['minutes-close']);
    // Without a key, closing a closed verslag is the refusal it always was.
    expect((await refusalOf(close.execute(people.lotte, { sessionId: SESSION, route }))).code).toBe(
      'MINUTES_ALREADY_CLOSED',
    );
  });
});
