/** The obligation's own page (or its API twin). */
export interface OpenObligationCommand {
  readonly obligationId: string;
  /** The route for the audit log. */
  readonly route: string;
}
