import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

export interface DossierScope {
  regionId: string;
  anyOf?: { casusregisseurId?: string; aanmelderId?: string }[];
}

export interface DossierSummary {
  id: string;
  code: string;
  regionId: string;
  phase: string;
  casusregisseurId: string | null;
  casusregisseurName: string | null;
  aanmelderId: string | null;
  casusregieStartDate: Date | null;
  afrondingDate: Date | null;
  createdAt: Date;
}

const select = {
  id: true,
  code: true,
  regionId: true,
  phase: true,
  casusregisseurId: true,
  aanmelderId: true,
  casusregieStartDate: true,
  afrondingDate: true,
  createdAt: true,
  casusregisseur: { select: { displayName: true } },
} as const;

type Row = Omit<DossierSummary, 'casusregisseurName'> & { casusregisseur: { displayName: string } | null };

function toSummary({ casusregisseur, ...rest }: Row): DossierSummary {
  return { ...rest, phase: String(rest.phase), casusregisseurName: casusregisseur?.displayName ?? null };
}

@Injectable()
export class DossierRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async list(scope: DossierScope, limit = 500): Promise<DossierSummary[]> {
    const rows = await this.prisma.dossier.findMany({
      where: { regionId: scope.regionId, ...(scope.anyOf ? { OR: scope.anyOf } : {}) },
      select,
      orderBy: { code: 'asc' },
      take: limit,
    });
    return (rows as Row[]).map(toSummary);
  }

  async findByCode(code: string): Promise<DossierSummary | undefined> {
    const row = await this.prisma.dossier.findUnique({ where: { code }, select });
    return row ? toSummary(row as Row) : undefined;
  }
}
