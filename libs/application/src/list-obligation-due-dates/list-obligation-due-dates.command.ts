/** The open obligations a person owns, for their calendar feed. */
export interface ListObligationDueDatesCommand {
  readonly personId: string;
}

/** Ids, the dossier code and the local due date only: what a calendar feed may carry. */
export interface ObligationDueDate {
  id: string;
  dossierId: string;
  dossierCode: string;
  date: string;
}
