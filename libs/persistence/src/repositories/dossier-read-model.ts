import { Inject, Injectable } from '@nestjs/common';
import type {
  DossierList,
  DossierListEntry,
  DossierListScope,
  DossierPage,
  DossierPages,
} from '@overlegtafels/application';
import { PrismaService } from '../prisma.service';

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

type Row = Omit<DossierListEntry, 'casusregisseurName'> & {
  regionId: string;
  casusregisseurId: string | null;
  aanmelderId: string | null;
  createdAt: Date;
  casusregisseur: { displayName: string } | null;
};

function toEntry({ casusregisseur, ...rest }: Row): DossierListEntry {
  return { ...rest, phase: String(rest.phase), casusregisseurName: casusregisseur?.displayName ?? null };
}

/** The dossiers as the overviews list them and as the dossier page shows one. */
@Injectable()
export class PrismaDossierReadModel implements DossierList, DossierPages {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async list(scope: DossierListScope, limit = 500): Promise<DossierListEntry[]> {
    const rows = await this.prisma.dossier.findMany({
      where: { regionId: scope.regionId, ...(scope.anyOf ? { OR: [...scope.anyOf] } : {}) },
      select,
      orderBy: { code: 'asc' },
      take: limit,
    });
    return (rows as Row[]).map(toEntry);
  }

  /** Everything the dossier page shows, for someone with full access. */
  async detail(id: string): Promise<DossierPage | undefined> {
    const page = await this.prisma.dossier.findUnique({
      where: { id },
      include: {
        casusregisseur: {
          select: { id: true, displayName: true, email: true, organisation: { select: { name: true } } },
        },
        aanmelder: { select: { id: true, displayName: true, email: true } },
        aanmelderOrganisation: { select: { name: true } },
        consulent: { select: { displayName: true } },
        consentVerifiedBy: { select: { displayName: true } },
        noConsentRecordedBy: { select: { displayName: true } },
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
    return page ?? undefined;
  }
}
