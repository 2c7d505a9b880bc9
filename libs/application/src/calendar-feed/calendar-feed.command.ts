/** Fetch a calendar feed: the secret token of its URL (without `.ics`) is the only credential. */
export interface CalendarFeedCommand {
  readonly token: string;
}
