/** Make a new calendar subscription for the logged-in person (revoking any old one). */
export interface RenewCalendarFeedCommand {
  readonly personId: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat answers the first URL. */
  readonly submissionKey?: string;
}
