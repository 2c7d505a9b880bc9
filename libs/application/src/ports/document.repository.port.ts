/** Whose dossier it is, as far as need-to-know asks. */
export interface DossierAccessFacts {
  readonly regionId: string;
  readonly casusregisseurId: string | null;
  readonly aanmelderId: string | null;
  readonly phase: string;
}

/** An uploaded document's record (the bytes are in the document store, under `storageKey`). */
export interface DocumentRecord {
  readonly id: string;
  readonly dossierId: string;
  readonly storageKey: string;
  readonly fileName: string;
  readonly mimeType: string;
  /** The dossier it belongs to, for the need-to-know check before anything is read. */
  readonly dossier: DossierAccessFacts;
}

/** Documents uploaded with an agendering, looked up to be read. */
export abstract class Documents {
  abstract findWithDossier(id: string): Promise<DocumentRecord | undefined>;
}
