import { Inject, Injectable } from '@nestjs/common';
import type {
  DocumentVersion,
  ItemDocumentContext,
  ItemDocuments,
  NewDocumentVersion,
} from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

const versionSelect = {
  id: true,
  version: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  uploadedAt: true,
  uploadedById: true,
  uploadedBy: { select: { displayName: true } },
  replacesId: true,
} as const;

type VersionRow = {
  id: string;
  version: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedById: string;
  uploadedBy: { displayName: string };
  replacesId: string | null;
};

const versionOf = ({ uploadedBy, replacesId: _replaces, ...row }: VersionRow): DocumentVersion => ({
  ...row,
  uploadedByName: uploadedBy.displayName,
});

/** The versions of agendapunten's documents (a chain from the newest, which the item points at). */
@Injectable()
export class PrismaItemDocumentRepository implements ItemDocuments {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async itemDocument(itemId: string, tx?: Transaction): Promise<ItemDocumentContext | undefined> {
    const row = await on(tx, this.prisma).agendaItem.findUnique({
      where: { id: itemId },
      select: {
        id: true,
        status: true,
        tableKey: true,
        submittedById: true,
        dossierId: true,
        dossier: {
          select: { code: true, regionId: true, casusregisseurId: true, aanmelderId: true, phase: true },
        },
        session: { select: { id: true, regionId: true, status: true, startsAt: true, endsAt: true } },
        document: { select: { id: true, version: true } },
      },
    });
    if (!row) return undefined;
    const { code, ...dossier } = row.dossier;
    return {
      itemId: row.id,
      itemStatus: String(row.status),
      tableKey: row.tableKey,
      submittedById: row.submittedById,
      dossierId: row.dossierId,
      dossierCode: code,
      dossier: { ...dossier, phase: String(dossier.phase) },
      session: row.session,
      current: row.document,
    };
  }

  async lockItem(tx: Transaction, itemId: string): Promise<void> {
    await on(tx, this.prisma).$queryRaw`SELECT id FROM agenda_items WHERE id = ${itemId}::uuid FOR UPDATE`;
  }

  async addVersion(
    tx: Transaction,
    item: Pick<ItemDocumentContext, 'itemId' | 'dossierId' | 'current'>,
    document: NewDocumentVersion,
  ): Promise<DocumentVersion> {
    const db = on(tx, this.prisma);
    const created = await db.document.create({
      data: {
        ...document,
        dossierId: item.dossierId,
        replacesId: item.current?.id ?? null,
        version: (item.current?.version ?? 0) + 1,
      },
      select: versionSelect,
    });
    await db.agendaItem.update({ where: { id: item.itemId }, data: { documentId: created.id } });
    return versionOf(created);
  }

  async versionsFrom(documentId: string): Promise<DocumentVersion[]> {
    const versions: DocumentVersion[] = [];
    let next: string | null = documentId;
    // A chain is as long as the replacements of one item: a handful; the bound guards a cycle.
    while (next && versions.length < 1000) {
      const row: VersionRow | null = await this.prisma.document.findUnique({
        where: { id: next },
        select: versionSelect,
      });
      if (!row) break;
      versions.push(versionOf(row));
      next = row.replacesId;
    }
    return versions;
  }
}
