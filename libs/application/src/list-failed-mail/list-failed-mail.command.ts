/** Which page of the failed mails, most recently failed first: after or before a row's token, fifty unless `limit` says. */
export interface ListFailedMailCommand {
  readonly after?: string;
  readonly before?: string;
  readonly limit?: number | string;
}
