import { ChooseCalendarReminderUseCase, InputError, SubmittedOnce } from '@overlegtafels/application';
import {
  ControlledClock,
  FakeCalendarReminders,
  FakeSubmissionLedger,
  FakeUnitOfWork,
} from '@overlegtafels/testing';

describe('ChooseCalendarReminderUseCase', () => {
  let reminders: FakeCalendarReminders;
  let useCase: ChooseCalendarReminderUseCase;

  beforeEach(() => {
    reminders = new FakeCalendarReminders();
    useCase = new ChooseCalendarReminderUseCase(
      reminders,
      new FakeUnitOfWork(),
      new SubmittedOnce(new FakeSubmissionLedger()),
      new ControlledClock('2026-12-01T10:00:00Z'),
    );
  });

  it('chooses once per key: a repeat writes nothing, another choice with the key is refused', async () => {
    expect(await useCase.execute({ personId: 'p1', reminder: '1u', submissionKey: 'herinnering-01' })).toBe(
      '1u',
    );
    await reminders.choose('p1', 15);
    // The repeat answers the first and writes nothing (the 15 set in between stays).
    expect(await useCase.execute({ personId: 'p1', reminder: '1u', submissionKey: 'herinnering-01' })).toBe(
      '1u',
    );
    expect(await reminders.of('p1')).toBe(15);
    const reused = await useCase
      .execute({ personId: 'p1', reminder: '1d', submissionKey: 'herinnering-01' })
      .catch((e: unknown) => e);
    expect(reused).toMatchObject({ code: 'SUBMISSION_KEY_REUSED' });
    expect(await reminders.of('p1')).toBe(15);
  });

  it('starts at none', async () => {
    expect(await useCase.current('p1')).toBe('geen');
  });

  it.each([
    ['15m', 15],
    ['1u', 60],
    ['1d', 1440],
    ['geen', null],
  ])('stores %s as %p minutes for that person only', async (reminder, minutes) => {
    await reminders.choose('p1', 60);
    expect(await useCase.execute({ personId: 'p1', reminder })).toBe(reminder);
    expect(await reminders.of('p1')).toBe(minutes);
    expect(await useCase.current('p1')).toBe(reminder);
    expect(await reminders.of('p2')).toBeNull();
  });

  it.each(['', '30m', '2u', 'GEEN', '__proto__', 15, ['15m'], undefined])(
    'refuses %p naming the field, and keeps the earlier choice',
    async (reminder) => {
      await reminders.choose('p1', 15);
      const refusal = await useCase.execute({ personId: 'p1', reminder }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(InputError);
      expect((refusal as InputError).errors).toEqual([
        { field: 'herinnering', code: 'INVALID_CHOICE', message: expect.stringContaining('15 minuten') },
      ]);
      expect(await reminders.of('p1')).toBe(15);
    },
  );
});
