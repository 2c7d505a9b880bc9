import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppConfig } from '@overlegtafels/config';
import { AgendaRefusal, DocumentStore, ReadDocumentUseCase } from '@overlegtafels/application';
import { ControlledClock, FakeAuditLog, FakeDocuments, principalWith } from '@overlegtafels/testing';

const ROUTE = 'GET /api/documents/:id';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

const person = principalWith;

const coordinator = person('coord', [{ role: 'coordinator', tableKey: 'ico' }]);
const regisseur = person('regisseur', [{ role: 'casusregisseur', tableKey: null }]);
const member = person('lid', [{ role: 'member', tableKey: 'ico' }]);
const elsewhere = person('coord-2', [{ role: 'coordinator', tableKey: 'ico' }], 'region-2');

describe('ReadDocumentUseCase', () => {
  let dir: string;
  let audit: FakeAuditLog;
  let useCase: ReadDocumentUseCase;
  const clock = new ControlledClock('2026-03-02T09:00:00Z');

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'read-document-'));
    const store = new DocumentStore({ dataDir: dir } as AppConfig);
    const stored = await store.save(PDF);
    const documents = new FakeDocuments([
      {
        id: 'doc-1',
        dossierId: 'dossier-1',
        storageKey: stored.storageKey,
        fileName: 'plan-van-aanpak.pdf',
        mimeType: stored.mimeType,
        dossier: {
          regionId: 'region-1',
          casusregisseurId: 'regisseur',
          aanmelderId: 'aanmelder',
          phase: 'casusregie',
        },
      },
    ]);
    audit = new FakeAuditLog();
    useCase = new ReadDocumentUseCase(documents, store, audit, clock);
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('hands a coordinator of the region the stored bytes, and logs the read with its dossier', async () => {
    const doc = await useCase.execute(coordinator, ROUTE, { documentId: 'doc-1' });
    expect(doc).toEqual({ fileName: 'plan-van-aanpak.pdf', mimeType: 'application/pdf', bytes: PDF });
    expect(audit.of('document.read')).toEqual([
      {
        actorPersonId: 'coord',
        action: 'document.read',
        entityType: 'document',
        entityId: 'doc-1',
        dossierId: 'dossier-1',
        outcome: 'allowed',
        route: ROUTE,
      },
    ]);
    expect(audit.all()[0]!.at).toEqual(new Date('2026-03-02T09:00:00Z'));
  });

  it('lets the casusregisseur of the dossier read it', async () => {
    await expect(useCase.execute(regisseur, ROUTE, { documentId: 'doc-1' })).resolves.toMatchObject({
      fileName: 'plan-van-aanpak.pdf',
    });
  });

  it.each([
    ['a coordinator of another region', elsewhere],
    ['a member of a table', member],
  ])('answers %s "not found", and logs the denial without the dossier', async (_who, reader) => {
    const refused = await useCase.execute(reader, ROUTE, { documentId: 'doc-1' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AgendaRefusal);
    expect(refused).toMatchObject({ code: 'DOCUMENT_NOT_FOUND', kind: 'not_found' });
    expect(audit.of('document.read')).toEqual([
      expect.objectContaining({
        actorPersonId: reader.personId,
        entityId: 'doc-1',
        dossierId: null,
        outcome: 'denied',
      }),
    ]);
  });

  it('answers an unknown id the same "not found", logged as denied', async () => {
    await expect(useCase.execute(coordinator, ROUTE, { documentId: 'doc-2' })).rejects.toMatchObject({
      code: 'DOCUMENT_NOT_FOUND',
      kind: 'not_found',
    });
    expect(audit.of('document.read')).toEqual([
      expect.objectContaining({ entityId: null, dossierId: null, outcome: 'denied', route: ROUTE }),
    ]);
  });
});
