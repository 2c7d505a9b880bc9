import { Inject, Injectable } from '@nestjs/common';
import { dossierAccess, Principal } from '@overlegtafels/auth';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaRefusal } from '../errors';
import { DocumentStore } from '../documents/document-store';
import { AuditLog } from '../ports/audit-log.port';
import { Documents } from '../ports/document.repository.port';
import { ReadDocumentCommand, ReadDocumentResult } from './read-document.command';

/**
 * A document of a dossier, for whoever has need-to-know of that dossier. Everyone else, and every
 * unknown id, gets the same "not found", so nobody learns which documents exist. Every attempt is
 * in the audit log, the denied ones too (without the dossier, which the reader may not know).
 */
@Injectable()
export class ReadDocumentUseCase {
  constructor(
    @Inject(Documents) private readonly documents: Documents,
    @Inject(DocumentStore) private readonly store: DocumentStore,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(reader: Principal, route: string, command: ReadDocumentCommand): Promise<ReadDocumentResult> {
    const doc = await this.documents.findWithDossier(command.documentId);
    const allowed = !!doc && dossierAccess(reader, doc.dossier) === 'full';
    await this.audit.append(
      {
        actorPersonId: reader.personId,
        action: 'document.read',
        entityType: 'document',
        entityId: doc?.id ?? null,
        dossierId: allowed ? doc.dossierId : null,
        outcome: allowed ? 'allowed' : 'denied',
        route,
      },
      this.clock.now(),
    );
    if (!allowed)
      throw new AgendaRefusal('DOCUMENT_NOT_FOUND', 'Document niet gevonden.', undefined, 'not_found');
    return { fileName: doc.fileName, mimeType: doc.mimeType, bytes: await this.store.read(doc.storageKey) };
  }
}
