/** "Done, with a note": the note as typed (the edge passes '' when the form sent none). */
export interface MarkObligationDoneCommand {
  readonly obligationId: string;
  readonly note: string;
  /** The route for the audit log (`POST /opvolging/:id/afgerond`). */
  readonly route: string;
  /** The form's one-time key or the API's Idempotency-Key: a repeat answers as the first. */
  readonly submissionKey?: string;
}
