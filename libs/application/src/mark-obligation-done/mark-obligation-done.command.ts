/** "Done, with a note": the note as typed (the edge passes '' when the form sent none). */
export interface MarkObligationDoneCommand {
  readonly obligationId: string;
  readonly note: string;
  /** The route for the audit log (`POST /opvolging/:id/afgerond`). */
  readonly route: string;
}
