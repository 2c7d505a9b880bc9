/** Make a new calendar subscription for the logged-in person (revoking any old one). */
export interface RenewCalendarFeedCommand {
  readonly personId: string;
}
