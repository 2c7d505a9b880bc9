/** List the dossiers the reader has need-to-know of. */
export interface ListDossiersCommand {
  readonly limit?: number;
}
