/** Closing the verslag of a held session (no input but the session). */
export interface CloseMinutesCommand {
  readonly sessionId: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat answers the first result. */
  readonly submissionKey?: string;
  readonly route: string;
}
