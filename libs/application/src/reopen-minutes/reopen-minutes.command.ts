export { ReasonSchema as ReopenMinutesSchema } from '../input/input-fields';

/** Reopening a closed verslag for a correction, with the reason (kept and audited). */
export interface ReopenMinutesCommand {
  readonly sessionId: string;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat answers the first result. */
  readonly submissionKey?: string;
  readonly route: string;
}
