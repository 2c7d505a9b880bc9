import {
  CALENDAR_REMINDER_CHOICES,
  isCalendarReminder,
  reminderMinutes,
  reminderOf,
} from './calendar-reminder.model';

describe('calendar reminder choices', () => {
  it('are none, 15 minutes, 1 hour and 1 day, in that order', () => {
    expect(CALENDAR_REMINDER_CHOICES).toEqual(['geen', '15m', '1u', '1d']);
    expect(CALENDAR_REMINDER_CHOICES.map(reminderMinutes)).toEqual([null, 15, 60, 1440]);
  });

  it('read back from the stored minutes, anything else as none', () => {
    expect([null, 15, 60, 1440].map(reminderOf)).toEqual(['geen', '15m', '1u', '1d']);
    expect(reminderOf(30)).toBe('geen');
    expect(reminderOf(undefined)).toBe('geen');
  });

  it.each(['', '2u', 'GEEN', 'toString', '__proto__', 15, null])('refuse %p', (value) => {
    expect(isCalendarReminder(value)).toBe(false);
  });
});
