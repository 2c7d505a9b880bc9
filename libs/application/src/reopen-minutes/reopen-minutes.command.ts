export { ReasonSchema as ReopenMinutesSchema } from '../input/input-fields';

/** Reopening a closed verslag for a correction, with the reason (kept and audited). */
export interface ReopenMinutesCommand {
  readonly sessionId: string;
  readonly reason: string;
  readonly route: string;
}
