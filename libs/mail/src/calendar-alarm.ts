import { ICalAlarmType } from 'ical-generator';
import { MailValueError } from './mail-values';

// The reminder a person chose (none, 15 min, 1 h, 1 day), as the VALARM of their invitations and feed.

/** What a reminder says: fixed words, never case data (calendars show it on lock screens). */
export const ALARM_DESCRIPTION = 'Herinnering: overleg van de overlegtafels';

/** At most a week before: the four choices (15 min, 1 h, 1 day) and some room, never more. */
export function assertAlarmMinutes(minutes: number): void {
  if (!Number.isSafeInteger(minutes) || minutes <= 0 || minutes > 7 * 24 * 60) {
    throw new MailValueError('INVALID_ALARM', `an alarm is 1 to 10080 minutes before, got ${minutes}`);
  }
}

/** The reminder as ical-generator writes it: ACTION:DISPLAY, TRIGGER:-PT15M (before the start). */
export function alarmData(minutes: number) {
  assertAlarmMinutes(minutes);
  return { type: ICalAlarmType.display, trigger: minutes * 60, description: ALARM_DESCRIPTION };
}

/**
 * RFC 5545 §3.6.1 has a VEVENT's alarms after all its properties; ical-generator writes them
 * between ATTENDEE and STATUS. Moves each event's VALARM blocks to just before its END:VEVENT.
 */
export function alarmsLast(content: string): string {
  return content.replace(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g, (event) => {
    const alarms: string[] = [];
    const rest = event.replace(/BEGIN:VALARM\r\n[\s\S]*?END:VALARM\r\n/g, (alarm) => {
      alarms.push(alarm);
      return '';
    });
    return alarms.length === 0 ? event : rest.replace(/END:VEVENT\r\n$/, `${alarms.join('')}END:VEVENT\r\n`);
  });
}
