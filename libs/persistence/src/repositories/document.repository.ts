import { Inject, Injectable } from '@nestjs/common';
import type { DocumentRecord, Documents } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';

/** Uploaded documents' records, with the facts of their dossier that need-to-know asks for. */
@Injectable()
export class PrismaDocumentRepository implements Documents {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async findWithDossier(id: string): Promise<DocumentRecord | undefined> {
    const row = await this.prisma.document.findUnique({
      where: { id },
      select: {
        id: true,
        dossierId: true,
        storageKey: true,
        fileName: true,
        mimeType: true,
        dossier: { select: { regionId: true, casusregisseurId: true, aanmelderId: true, phase: true } },
      },
    });
    return row ? { ...row, dossier: { ...row.dossier, phase: String(row.dossier.phase) } } : undefined;
  }
}
