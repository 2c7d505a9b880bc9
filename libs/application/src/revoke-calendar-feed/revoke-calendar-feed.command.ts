/** Stop the logged-in person's calendar subscription. */
export interface RevokeCalendarFeedCommand {
  readonly personId: string;
}
