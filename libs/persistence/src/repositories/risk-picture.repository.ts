import { Inject, Injectable } from '@nestjs/common';
import type {
  DossierClient,
  NewRiskPicture,
  RiskPictureRecord,
  RiskPictureRepository,
} from '@overlegtafels/application';
import type { RiskFactorMark, RiskPictureOccasion } from '@overlegtafels/domain';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

/** The risk pictures of dossiers (risk_pictures and their risk_picture_factors). */
@Injectable()
export class PrismaRiskPictureRepository implements RiskPictureRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async picturesOf(tx: Transaction | undefined, dossierId: string): Promise<RiskPictureRecord[]> {
    const rows = await on(tx, this.prisma).riskPicture.findMany({
      where: { dossierId },
      orderBy: { version: 'asc' },
      include: {
        recordedBy: { select: { displayName: true } },
        factors: {
          orderBy: { factorKey: 'asc' },
          include: { clients: { select: { clientId: true }, orderBy: { client: { position: 'asc' } } } },
        },
      },
    });
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      occasion: r.occasion as RiskPictureOccasion,
      instrumentKey: r.instrumentKey,
      decisionId: r.decisionId,
      recordedAt: r.recordedAt,
      recordedById: r.recordedById,
      recordedByName: r.recordedBy.displayName,
      factors: r.factors.map((f) => ({
        factorKey: f.factorKey,
        mark: f.mark as RiskFactorMark,
        motivation: f.motivation,
        clientIds: f.clients.map((c) => c.clientId),
      })),
    }));
  }

  async record(
    tx: Transaction,
    dossierId: string,
    picture: NewRiskPicture,
  ): Promise<{ id: string; version: number }> {
    const db = on(tx, this.prisma);
    // Two recordings at once must not both take the same next version.
    await db.$queryRaw`SELECT id FROM dossiers WHERE id = ${dossierId}::uuid FOR UPDATE`;
    const last = await db.riskPicture.aggregate({ where: { dossierId }, _max: { version: true } });
    const version = (last._max.version ?? 0) + 1;
    const row = await db.riskPicture.create({
      data: {
        dossierId,
        version,
        occasion: picture.occasion,
        instrumentKey: picture.instrumentKey,
        decisionId: picture.decisionId,
        recordedById: picture.recordedById,
        recordedAt: picture.recordedAt,
        factors: {
          create: picture.factors.map((f) => ({
            factorKey: f.factorKey,
            mark: f.mark,
            motivation: f.motivation,
            clients: { create: f.clientIds.map((clientId) => ({ clientId })) },
          })),
        },
      },
      select: { id: true },
    });
    return { id: row.id, version };
  }

  async clientsOf(tx: Transaction | undefined, dossierId: string): Promise<DossierClient[]> {
    const rows = await on(tx, this.prisma).aanmeldingClient.findMany({
      where: { aanmelding: { dossierId } },
      orderBy: [{ aanmelding: { sequence: 'asc' } }, { position: 'asc' }],
      select: { id: true, label: true, role: true },
    });
    return rows;
  }
}
