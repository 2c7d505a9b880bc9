import type { ObligationListCommand } from '../obligations/obligation-page';

/** "Mijn opvolging": the open obligations the person owns, narrowed and a page at a time. */
export interface ListMyObligationsCommand extends Omit<
  ObligationListCommand,
  'casusregisseur' | 'organisation'
> {
  /** The route for the audit log (`GET /opvolging`). */
  readonly route: string;
}
