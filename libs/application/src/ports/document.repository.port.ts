import type { SessionStatus } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

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

/** An agendapunt as the replacement of its document needs it: its session, dossier and document. */
export interface ItemDocumentContext {
  readonly itemId: string;
  readonly itemStatus: string;
  readonly tableKey: string;
  readonly submittedById: string;
  readonly dossierId: string;
  readonly dossierCode: string;
  readonly dossier: DossierAccessFacts;
  readonly session: {
    readonly id: string;
    readonly regionId: string;
    readonly status: SessionStatus;
    readonly startsAt: Date;
    readonly endsAt: Date;
  };
  /** The newest version, the one readers get; null when the item came without a document. */
  readonly current: { readonly id: string; readonly version: number } | null;
}

/** One version of an item's document, for the list of versions (who uploaded it and when). */
export interface DocumentVersion {
  readonly id: string;
  readonly version: number;
  readonly fileName: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedAt: Date;
  readonly uploadedById: string;
  readonly uploadedByName: string;
}

/** The record of a checked and stored file, to be the item's next version. */
export interface NewDocumentVersion {
  readonly storageKey: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly uploadedById: string;
  readonly uploadedAt: Date;
}

/** The versions of agendapunten's documents: the item points at the newest, each at the one before. */
export abstract class ItemDocuments {
  abstract itemDocument(itemId: string, tx?: Transaction): Promise<ItemDocumentContext | undefined>;
  /** Locks the item's row for the replacement, so two new versions never get the same number. */
  abstract lockItem(tx: Transaction, itemId: string): Promise<void>;
  /** Records the new version (replacing `current`, if any) and points the item at it. */
  abstract addVersion(
    tx: Transaction,
    item: Pick<ItemDocumentContext, 'itemId' | 'dossierId' | 'current'>,
    document: NewDocumentVersion,
  ): Promise<DocumentVersion>;
  /** The version and every one before it, newest first. */
  abstract versionsFrom(documentId: string): Promise<DocumentVersion[]>;
}
