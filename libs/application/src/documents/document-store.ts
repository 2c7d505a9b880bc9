import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { DOCUMENT_MIME_TYPES, DocumentKind, detectDocumentKind } from './document-type';

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface StoredDocument {
  readonly storageKey: string;
  readonly kind: DocumentKind;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

export class DocumentRejected extends Error {
  constructor(
    readonly code: 'EMPTY' | 'TOO_LARGE' | 'UNSUPPORTED_TYPE',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Uploaded documents on disk under DATA_DIR/documents, by a random key (never the file's name).
 * The SHA-256 is kept with the record so a file can be checked against what was uploaded.
 */
@Injectable()
export class DocumentStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = path.join(config.dataDir, 'documents');
  }

  /** Checks the bytes (size, type from the content) and stores them; nothing is stored on refusal. */
  async save(bytes: Buffer): Promise<StoredDocument> {
    if (bytes.length === 0) throw new DocumentRejected('EMPTY', 'Het bestand is leeg.');
    if (bytes.length > DOCUMENT_MAX_BYTES) {
      throw new DocumentRejected('TOO_LARGE', 'Het bestand is groter dan 10 MB.');
    }
    const kind = detectDocumentKind(bytes);
    if (!kind) {
      throw new DocumentRejected('UNSUPPORTED_TYPE', 'Enkel PDF-, DOCX- of ODT-bestanden zijn toegelaten.');
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = `${sha256.slice(0, 2)}/${randomUUID()}`;
    const target = this.pathOf(storageKey);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.part`;
    await writeFile(temp, bytes, { mode: 0o600 });
    await rename(temp, target);
    return { storageKey, kind, mimeType: DOCUMENT_MIME_TYPES[kind], sizeBytes: bytes.length, sha256 };
  }

  /** Removes a file whose row was never written (a refused or repeated submission); gone is fine. */
  async discard(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }

  async read(storageKey: string): Promise<Buffer> {
    return readFile(this.pathOf(storageKey));
  }

  private pathOf(storageKey: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(storageKey)) throw new Error('invalid document storage key');
    return path.join(this.root, storageKey);
  }
}
