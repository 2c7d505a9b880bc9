import { Inject, Injectable } from '@nestjs/common';
import type { CasusregisseurLoad, OrganisationDirectory } from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';

export interface OrganisationSummary {
  id: string;
  regionId: string;
  kind: string;
  name: string;
  active: boolean;
}

@Injectable()
export class OrganisationRepository implements OrganisationDirectory {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async list(regionId: string): Promise<OrganisationSummary[]> {
    const rows = await this.prisma.organisation.findMany({
      where: { regionId, active: true },
      select: { id: true, regionId: true, kind: true, name: true, active: true },
      orderBy: { name: 'asc' },
    });
    return rows.map((r) => ({ ...r, kind: String(r.kind) }));
  }

  async find(id: string): Promise<OrganisationSummary | undefined> {
    const row = await this.prisma.organisation.findUnique({
      where: { id },
      select: { id: true, regionId: true, kind: true, name: true, active: true },
    });
    return row ? { ...row, kind: String(row.kind) } : undefined;
  }

  /**
   * Every active casusregisseur of the region with the number of dossiers in casusregie they
   * carry: what the ICO looks at when it appoints one ("instroom volgens capaciteit").
   */
  async casusregieCapacity(
    regionId: string,
    casusregiePhases: readonly string[],
  ): Promise<CasusregisseurLoad[]> {
    const people = await this.prisma.person.findMany({
      where: { regionId, active: true, roleAssignments: { some: { role: 'casusregisseur' } } },
      select: {
        id: true,
        displayName: true,
        organisation: { select: { id: true, name: true, kind: true } },
        _count: {
          select: { dossiersAsCasusregisseur: { where: { phase: { in: [...casusregiePhases] } } } },
        },
      },
    });
    return people
      .map((p) => ({
        personId: p.id,
        displayName: p.displayName,
        organisationId: p.organisation?.id ?? null,
        organisationName: p.organisation?.name ?? null,
        organisationKind: p.organisation ? String(p.organisation.kind) : null,
        activeDossiers: p._count.dossiersAsCasusregisseur,
      }))
      .sort(
        (a, b) =>
          (a.organisationName ?? '').localeCompare(b.organisationName ?? '', 'nl') ||
          a.activeDossiers - b.activeDossiers ||
          a.displayName.localeCompare(b.displayName, 'nl'),
      );
  }
}
