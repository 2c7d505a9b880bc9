/** "Mijn opvolging": the open obligations the person owns. */
export interface ListMyObligationsCommand {
  /** The route for the audit log (`GET /opvolging`). */
  readonly route: string;
}
