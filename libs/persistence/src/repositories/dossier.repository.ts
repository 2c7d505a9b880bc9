import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

export interface DossierScope {
  regionId: string;
  anyOf?: { casusregisseurId?: string; aanmelderId?: string; phase?: 'afgesloten' }[];
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

  async findById(id: string): Promise<DossierSummary | undefined> {
    const row = await this.prisma.dossier.findUnique({ where: { id }, select });
    return row ? toSummary(row as Row) : undefined;
  }

  /** Everything the dossier page shows, for someone with full access. */
  async detail(id: string) {
    return this.prisma.dossier.findUnique({
      where: { id },
      include: {
        casusregisseur: {
          select: { id: true, displayName: true, email: true, organisation: { select: { name: true } } },
        },
        aanmelder: { select: { id: true, displayName: true, email: true } },
        aanmelderOrganisation: { select: { name: true } },
        consulent: { select: { displayName: true } },
        consentVerifiedBy: { select: { displayName: true } },
        consulentConsultedBy: { select: { displayName: true } },
        childHearings: {
          select: {
            label: true,
            heardOn: true,
            notHeardReason: true,
            recordedAt: true,
            recordedBy: { select: { displayName: true } },
          },
          orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
        },
        aanmeldingen: {
          include: { clients: { orderBy: { position: 'asc' } }, organisation: { select: { name: true } } },
          orderBy: { sequence: 'asc' },
        },
        agendaItems: {
          include: {
            session: { select: { id: true, startsAt: true, endsAt: true, status: true, tableKey: true } },
            document: { select: { id: true, fileName: true, sizeBytes: true, mimeType: true, sha256: true } },
            guests: { select: { kind: true, email: true, name: true } },
            submittedBy: { select: { displayName: true } },
            decision: true,
          },
          orderBy: { submittedAt: 'asc' },
        },
        decisions: {
          include: {
            decidedBy: { select: { displayName: true } },
            casusregisseur: { select: { displayName: true } },
          },
          orderBy: { decidedAt: 'asc' },
        },
        casusregisseurChanges: {
          include: {
            from: { select: { id: true, displayName: true } },
            to: { select: { id: true, displayName: true } },
          },
          orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
        },
        obligationReports: {
          include: { submittedBy: { select: { displayName: true } } },
          orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        },
      },
    });
  }
}

export interface NewDossierWithAanmelding {
  code: string;
  regionId: string;
  aanmelderId: string;
  organisationId: string;
  contactEmail: string;
  contactPhone?: string;
  whyNow: string;
  violenceDescription: string;
  situationAtStart: string;
  situationNow: string;
  mainRisks: string;
  clientRelations: string;
  servicesInvolved: string;
  safetyPlanExists: boolean;
  safetyPlanDescription?: string;
  questionsAndExpectations: string;
  familyInformed: boolean;
  familyNotInformedReason?: string;
  submittedAt: Date;
  clients: {
    label: string;
    role: 'pleger' | 'slachtoffer' | 'kind' | 'andere';
    age?: number;
    over12: boolean;
    relation?: string;
    wishesAndNeeds?: string;
  }[];
}
