import type { ActionPointPolicy } from '@overlegtafels/domain';

/**
 * CO3's action points from the verslag: due at 17:00 on the agreed day, a reminder a week and a
 * day before (never in a weekend), and, while still open, a mail to the coordinators of the table
 * the day after and then weekly: the coordinators bring it up at the next session.
 */
export const CO3_ANTWERPEN_ACTION_POINTS: ActionPointPolicy = {
  dueTime: '17:00',
  reminders: { daysBeforeDue: [7, 1], time: '09:00', avoidWeekends: true },
  escalation: { firstAfterDays: 1, repeatEveryDays: 7, time: '09:00', avoidWeekends: true, maxRepeats: 6 },
};
