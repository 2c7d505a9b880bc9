import { civilDate, epochDay } from '../time/local-date.util';
import { easterSunday } from './easter.util';
import { HolidayCalendar } from './holiday-calendar.model';

const cache = new WeakMap<HolidayCalendar, Map<number, ReadonlyMap<number, string>>>();

/** The holidays of one year as epoch day → Dutch name. */
export function holidaysInYear(calendar: HolidayCalendar, year: number): ReadonlyMap<number, string> {
  let years = cache.get(calendar);
  if (!years) {
    years = new Map();
    cache.set(calendar, years);
  }
  let days = years.get(year);
  if (!days) {
    const computed = new Map<number, string>();
    const add = (day: number, name: string): void => {
      const existing = computed.get(day);
      computed.set(day, existing ? `${existing} / ${name}` : name);
    };
    const firstDay = epochDay(year, 1, 1);
    const nextYear = epochDay(year + 1, 1, 1);
    for (const rule of calendar.rules) {
      if (rule.kind === 'fixed') {
        add(epochDay(year, rule.month, rule.day), rule.name);
        continue;
      }
      // A large offset can carry an Easter-based day into the neighbouring year.
      for (const easterYear of [year - 1, year, year + 1]) {
        const day = easterSunday(easterYear) + rule.offsetDays;
        if (day >= firstDay && day < nextYear) add(day, rule.name);
      }
    }
    days = computed;
    years.set(year, days);
  }
  return days;
}

/** The Dutch name of the holiday on that epoch day, or undefined. */
export function holidayOn(calendar: HolidayCalendar, day: number): string | undefined {
  return holidaysInYear(calendar, civilDate(day).year).get(day);
}
