import type { Principal } from '@overlegtafels/auth';

/** A new version of an agendapunt's document, as the upload gate handed it over. */
export interface ReplaceItemDocumentCommand {
  readonly principal: Principal;
  /** The route for the audit log. */
  readonly route: string;
  readonly itemId: string;
  /** The file; absent when none was chosen (a 400 on the `document` field). */
  readonly document?: { readonly originalName: string; readonly bytes: Buffer };
  /** The form's one-time key or the API's Idempotency-Key. */
  readonly submissionKey?: string;
}

export interface ReplaceItemDocumentResult {
  readonly itemId: string;
  readonly sessionId: string;
  readonly documentId: string;
  readonly version: number;
  /** How many people of the table were told (after the freeze), else 0. */
  readonly told: number;
  /** A repeat of an earlier submission with the same key: nothing new was stored. */
  readonly repeated?: boolean;
}
