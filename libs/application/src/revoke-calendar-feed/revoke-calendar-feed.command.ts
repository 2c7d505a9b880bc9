/** Stop the logged-in person's calendar subscription. */
export interface RevokeCalendarFeedCommand {
  readonly personId: string;
  /** The form's one-time key: a repeat answers as the first (revoked), not "none active". */
  readonly submissionKey?: string;
}
