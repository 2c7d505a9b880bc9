/**
 * A holiday calendar is data: a region lists its rules (fixed dates and days relative to Easter)
 * and the engine turns them into dates. Sessions on such a date are cancelled.
 */
export type HolidayRule =
  | { readonly kind: 'fixed'; readonly month: number; readonly day: number; readonly name: string }
  | { readonly kind: 'easter'; readonly offsetDays: number; readonly name: string };

export interface HolidayCalendar {
  readonly key: string;
  /** Dutch, shown to coordinators. */
  readonly name: string;
  readonly rules: readonly HolidayRule[];
}
