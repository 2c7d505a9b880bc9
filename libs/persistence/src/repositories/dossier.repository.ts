import { Inject, Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import type { Prisma } from '../generated/prisma/client';
import { on, type Transaction } from '../transaction';

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

  async findById(id: string): Promise<DossierSummary | undefined> {
    const row = await this.prisma.dossier.findUnique({ where: { id }, select });
    return row ? toSummary(row as Row) : undefined;
  }

  async findByCodeIn(tx: Transaction, code: string): Promise<DossierSummary | undefined> {
    const row = await on(tx, this.prisma).dossier.findUnique({ where: { code }, select });
    return row ? toSummary(row as Row) : undefined;
  }

  /** The next number of the region's year, taken under the counter row's lock. */
  async nextNumber(tx: Transaction, regionId: string, year: number): Promise<number> {
    const rows = await on(tx, this.prisma).$queryRaw<{ last_number: number }[]>`
      INSERT INTO dossier_code_counters (region_id, year, last_number) VALUES (${regionId}::uuid, ${year}, 1)
      ON CONFLICT (region_id, year) DO UPDATE SET last_number = dossier_code_counters.last_number + 1
      RETURNING last_number`;
    return Number(rows[0]!.last_number);
  }

  async createWithAanmelding(
    tx: Transaction,
    input: NewDossierWithAanmelding,
  ): Promise<{ dossierId: string; aanmeldingId: string }> {
    const dossier = await on(tx, this.prisma).dossier.create({
      data: {
        code: input.code,
        regionId: input.regionId,
        phase: 'aangemeld',
        aanmelderId: input.aanmelderId,
        aanmelderOrganisationId: input.organisationId,
        childrenOver12: input.clients.filter((c) => c.over12).length,
      },
      select: { id: true },
    });
    const aanmelding = await on(tx, this.prisma).aanmelding.create({
      data: {
        dossierId: dossier.id,
        sequence: 1,
        aanmelderId: input.aanmelderId,
        organisationId: input.organisationId,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone ?? null,
        whyNow: input.whyNow,
        violenceDescription: input.violenceDescription,
        situationAtStart: input.situationAtStart,
        situationNow: input.situationNow,
        mainRisks: input.mainRisks,
        clientRelations: input.clientRelations,
        servicesInvolved: input.servicesInvolved,
        safetyPlanExists: input.safetyPlanExists,
        safetyPlanDescription: input.safetyPlanDescription ?? null,
        questionsAndExpectations: input.questionsAndExpectations,
        confidentialityConfirmedAt: input.submittedAt,
        familyInformed: input.familyInformed,
        familyNotInformedReason: input.familyNotInformedReason ?? null,
        submittedAt: input.submittedAt,
        clients: {
          create: input.clients.map((c, position) => ({
            position,
            label: c.label,
            role: c.role,
            age: c.age ?? null,
            over12: c.over12,
            relation: c.relation ?? null,
            wishesAndNeeds: c.wishesAndNeeds ?? null,
          })),
        },
      },
      select: { id: true },
    });
    return { dossierId: dossier.id, aanmeldingId: aanmelding.id };
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
      },
    });
  }

  /** Records (or ends) the involvement of an OCJ/SDJ consulent; dates are calendar dates. */
  async setConsulent(
    tx: Transaction,
    id: string,
    consulent: { involved: boolean; since: Date | null; email: string | null },
  ): Promise<void> {
    await on(tx, this.prisma).dossier.update({
      where: { id },
      data: {
        ocjSdjConsulentInvolved: consulent.involved,
        consulentInvolvedSince: consulent.involved ? consulent.since : null,
        consulentEmail: consulent.involved ? consulent.email : null,
        ...(consulent.involved ? {} : { consulentId: null }),
      },
    });
  }

  async stateOf(tx: Transaction | undefined, id: string) {
    return on(tx, this.prisma).dossier.findUnique({
      where: { id },
      select: {
        id: true,
        code: true,
        regionId: true,
        phase: true,
        casusregisseurId: true,
        aanmelderId: true,
        casusregieStartDate: true,
        afrondingDate: true,
        afsluitingDate: true,
        consentVerifiedAt: true,
        consentVerifiedById: true,
        noConsentReturns: true,
      },
    });
  }

  /** The dossier's decisions, oldest first: what a correction of its dates must respect. */
  async decisionsOf(tx: Transaction, id: string): Promise<{ id: string; kind: string; decidedAt: Date }[]> {
    return on(tx, this.prisma).decision.findMany({
      where: { dossierId: id },
      select: { id: true, kind: true, decidedAt: true },
      orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** A corrected start of casusregie: on the dossier and on the ICO decision that set it. */
  async correctCasusregieStart(
    tx: Transaction,
    id: string,
    decisionId: string | undefined,
    startDate: Date,
  ): Promise<void> {
    await on(tx, this.prisma).dossier.update({ where: { id }, data: { casusregieStartDate: startDate } });
    if (decisionId)
      await on(tx, this.prisma).decision.update({ where: { id: decisionId }, data: { startDate } });
  }

  async createDecision(tx: Transaction, data: Prisma.DecisionUncheckedCreateInput): Promise<{ id: string }> {
    return on(tx, this.prisma).decision.create({ data, select: { id: true } });
  }

  async update(
    tx: Transaction,
    id: string,
    data: Parameters<Prisma.TransactionClient['dossier']['update']>[0]['data'],
  ): Promise<void> {
    await on(tx, this.prisma).dossier.update({ where: { id }, data });
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
