import { FakeSubmissionLedger } from '@overlegtafels/testing';
import { SubmittedOnce } from '../submissions/submitted-once';
import { minutesWorld, people, refusalOf, SESSION } from '../minutes/minutes-world.test-util';
import { WriteItemMinutesUseCase } from '../write-item-minutes/write-item-minutes.usecase';
import { RecordAttendanceUseCase } from './record-attendance.usecase';

function setup(options: Parameters<typeof minutesWorld>[0] = {}) {
  const w = minutesWorld(options);
  const once = new SubmittedOnce(new FakeSubmissionLedger());
  return {
    ...w,
    attendance: new RecordAttendanceUseCase(w.uow, w.access, w.minutes, once),
    write: new WriteItemMinutesUseCase(w.uow, w.access, w.minutes, once),
  };
}
const route = 'POST /api/zittingen/:sessionId/verslag/aanwezigheid';

describe('RecordAttendanceUseCase and WriteItemMinutesUseCase', () => {
  it('records per partner of the table and per item which guests came; the text of an item stays', async () => {
    const { attendance, write, minutes, audit } = setup();
    await write.execute(people.jonas, { sessionId: SESSION, itemId: 'item-a', text: 'Besproken.', route });
    expect(
      await attendance.execute(people.jonas, {
        sessionId: SESSION,
        attendance: { politie: 'aanwezig', parket: 'verontschuldigd' },
        guests: { 'item-a': ['guest-a'] },
        route,
      }),
    ).toEqual({ recorded: 2 });
    expect(minutes.attendance.map((a) => [a.participant, a.status])).toEqual([
      ['politie', 'aanwezig'],
      ['parket', 'verontschuldigd'],
    ]);
    expect(minutes.item('item-a')).toMatchObject({ text: 'Besproken.', guestsPresent: ['guest-a'] });
    await attendance.execute(people.jonas, {
      sessionId: SESSION,
      attendance: { politie: 'afwezig' },
      guests: {},
      route,
    });
    expect(minutes.attendance.find((a) => a.participant === 'politie')!.status).toBe('afwezig');
    // The audit log has ids and counts, never the text.
    expect(audit.of('minutes.item-write').map((e) => e.details)).toEqual([
      { code: 'CO3-2026-0101', itemId: 'item-a', length: 10 },
    ]);
  });

  it('refuses a partner that is not at the table, a guest of another item, and writing before the session', async () => {
    const { attendance, uow } = setup();
    const unknown = await refusalOf(
      attendance.execute(people.jonas, {
        sessionId: SESSION,
        attendance: { vaph: 'aanwezig' },
        guests: {},
        route,
      }),
    );
    expect([unknown.code, unknown.field]).toEqual(['UNKNOWN_PARTICIPANT', 'attendance']);
    const guest = await refusalOf(
      attendance.execute(people.jonas, {
        sessionId: SESSION,
        attendance: {},
        guests: { 'item-b': ['guest-a'] },
        route,
      }),
    );
    expect([guest.code, guest.field]).toEqual(['UNKNOWN_GUEST', 'guests']);
    expect(uow.rollbacks).toBe(1);
    const early = setup({ status: 'sent', now: '2026-12-04T08:00:00+01:00' });
    const before = await refusalOf(
      early.write.execute(people.jonas, { sessionId: SESSION, itemId: 'item-a', text: 'Te vroeg.', route }),
    );
    expect([before.code, before.kind]).toEqual(['SESSION_NOT_HELD', 'conflict']);
    // Once it has started, the verslaggever writes during the session (before any decision).
    early.clock.set('2026-12-04T09:45:00+01:00');
    await early.write.execute(people.jonas, {
      sessionId: SESSION,
      itemId: 'item-a',
      text: 'Tijdens.',
      route,
    });
    expect(early.minutes.item('item-a')!.text).toBe('Tijdens.');
  });

  it('records once per key: a repeat answers the first and audits nothing; the same key with other content is refused', async () => {
    const { attendance, write, minutes, audit } = setup();
    const present = (status: 'aanwezig' | 'afwezig') =>
      attendance.execute(people.jonas, {
        sessionId: SESSION,
        attendance: { politie: status },
        guests: {},
        route,
        submissionKey: 'aanwezig-0001',
      });
    expect(await present('aanwezig')).toEqual({ recorded: 1 });
    expect(await present('aanwezig')).toEqual({ recorded: 1 });
    expect(audit.of('minutes.attendance')).toHaveLength(1);
    expect((await refusalOf(present('afwezig'))).code).toBe('SUBMISSION_KEY_REUSED');
    expect(minutes.attendance.find((a) => a.participant === 'politie')!.status).toBe('aanwezig');
    const text = (t: string) =>
      write.execute(people.jonas, {
        sessionId: SESSION,
        itemId: 'item-a',
        text: t,
        route,
        submissionKey: 'verslag-0001',
      });
    expect(await text('Besproken.')).toEqual({ itemId: 'item-a' });
    expect(await text('Besproken.')).toEqual({ itemId: 'item-a' });
    expect(audit.of('minutes.item-write')).toHaveLength(1);
    expect((await refusalOf(text('Anders.'))).code).toBe('SUBMISSION_KEY_REUSED');
    expect(minutes.item('item-a')!.text).toBe('Besproken.');
  });
});
