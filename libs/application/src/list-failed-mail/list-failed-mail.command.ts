/** The failed mails, most recently failed first; at most `limit` of them. */
export interface ListFailedMailCommand {
  readonly limit?: number;
}
