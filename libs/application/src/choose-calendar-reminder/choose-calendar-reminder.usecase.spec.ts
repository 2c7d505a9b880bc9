import { ChooseCalendarReminderUseCase, InputError } from '@overlegtafels/application';
import { FakeCalendarReminders } from '@overlegtafels/testing';

describe('ChooseCalendarReminderUseCase', () => {
  let reminders: FakeCalendarReminders;
  let useCase: ChooseCalendarReminderUseCase;

  beforeEach(() => {
    reminders = new FakeCalendarReminders();
    useCase = new ChooseCalendarReminderUseCase(reminders);
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
