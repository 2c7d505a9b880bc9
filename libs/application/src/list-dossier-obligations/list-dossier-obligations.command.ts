/** Every obligation of one dossier; the caller has decided need-to-know and audited the read. */
export interface ListDossierObligationsCommand {
  readonly dossierId: string;
}
