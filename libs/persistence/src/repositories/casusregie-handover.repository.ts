import { Inject, Injectable } from '@nestjs/common';
import type { CasusregieHandoverReads, HandoverDossier, OwnedObligation } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';
import { on, type Transaction } from '../transaction';

/** What a deactivation hands over: the person's dossiers and open obligations (ids and codes). */
@Injectable()
export class PrismaCasusregieHandoverReads implements CasusregieHandoverReads {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  dossiersDirectedBy(
    tx: Transaction,
    regionId: string,
    personId: string,
    phases: readonly string[],
  ): Promise<HandoverDossier[]> {
    return on(tx, this.prisma).dossier.findMany({
      where: { regionId, casusregisseurId: personId, phase: { in: [...phases] } },
      select: { id: true, code: true },
      orderBy: { code: 'asc' },
    });
  }

  async markCasusregisseurLeft(tx: Transaction, dossierIds: readonly string[], at: Date): Promise<void> {
    if (dossierIds.length === 0) return;
    await on(tx, this.prisma).dossier.updateMany({
      where: { id: { in: [...dossierIds] } },
      data: { casusregisseurLeftAt: at },
    });
  }

  async openObligationsOwnedBy(
    tx: Transaction,
    regionId: string,
    personId: string,
  ): Promise<OwnedObligation[]> {
    const rows = await on(tx, this.prisma).followUpObligation.findMany({
      where: { ownerId: personId, status: 'open', dossier: { regionId } },
      select: {
        id: true,
        dossierId: true,
        ruleKey: true,
        tableKey: true,
        dossier: { select: { code: true } },
      },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(({ dossier, ...o }) => ({ ...o, dossierCode: dossier.code }));
  }
}
