import { Inject, Injectable } from '@nestjs/common';
import type {
  ChildHearingRecord,
  ConsulentInvolvement,
  DossierRecord,
  NewAanmelding,
  NewChildHearing,
  NewCasusregisseurChange,
  NewDecision,
  DossierRepository,
} from '@overlegtafels/application';
import type { DossierState, LocalDateString } from '@overlegtafels/domain';
import { PrismaService } from '../../prisma.service';
import { on, type Transaction } from '../../transaction';
import * as casusregie from './casusregisseur-changes';

const factsSelect = {
  id: true,
  code: true,
  regionId: true,
  phase: true,
  casusregisseurId: true,
  aanmelderId: true,
  casusregiePlannedStartDate: true,
  casusregieStartDate: true,
  afrondingDate: true,
  afsluitingDate: true,
  consentVerifiedAt: true,
  consentVerifiedById: true,
  consentGivenBy: true,
  noConsentReturns: true,
  ocjSdjConsulentInvolved: true,
  consulentConsultedOn: true,
  childrenOver12: true,
  traject: true,
  casusregisseur: { select: { displayName: true } },
  aanmelderOrganisation: { select: { kind: true } },
} as const;

/** DATE columns come back as UTC midnight: their ISO day is the stored local date. */
const dayOf = (d: Date | null): LocalDateString | null => (d ? d.toISOString().slice(0, 10) : null);
const dateColumn = (day: LocalDateString | null | undefined): Date | null =>
  day ? new Date(`${day}T00:00:00.000Z`) : null;

type DayField =
  | 'casusregiePlannedStartDate'
  | 'casusregieStartDate'
  | 'afrondingDate'
  | 'afsluitingDate'
  | 'consulentConsultedOn';

type FactsRecord = Omit<
  DossierRecord,
  'phase' | 'casusregisseurName' | 'aanmelderOrganisationKind' | 'consulentInvolved' | DayField
> & {
  casusregisseur: { displayName: string } | null;
  aanmelderOrganisation: { kind: string } | null;
  phase: unknown;
  ocjSdjConsulentInvolved: boolean;
} & Record<DayField, Date | null>;

function toFacts({
  casusregisseur,
  aanmelderOrganisation,
  ocjSdjConsulentInvolved,
  ...row
}: FactsRecord): DossierRecord {
  return {
    ...row,
    casusregisseurName: casusregisseur?.displayName ?? null,
    // The database spells a kind's hyphen as an underscore (schema.prisma, "Enums").
    aanmelderOrganisationKind: aanmelderOrganisation ? aanmelderOrganisation.kind : null,
    phase: String(row.phase),
    casusregiePlannedStartDate: dayOf(row.casusregiePlannedStartDate),
    casusregieStartDate: dayOf(row.casusregieStartDate),
    afrondingDate: dayOf(row.afrondingDate),
    afsluitingDate: dayOf(row.afsluitingDate),
    consulentInvolved: ocjSdjConsulentInvolved,
    consulentConsultedOn: dayOf(row.consulentConsultedOn),
  };
}

/** The dossier aggregate's reads and intent changes (bound to the application's port). */
@Injectable()
export class PrismaDossierRepository implements DossierRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  async byId(tx: Transaction | undefined, id: string): Promise<DossierRecord | undefined> {
    const row = await on(tx, this.prisma).dossier.findUnique({ where: { id }, select: factsSelect });
    return row ? toFacts(row) : undefined;
  }

  async byCode(tx: Transaction | undefined, code: string): Promise<DossierRecord | undefined> {
    const row = await on(tx, this.prisma).dossier.findUnique({ where: { code }, select: factsSelect });
    return row ? toFacts(row) : undefined;
  }

  async decisionsOf(tx: Transaction, id: string): Promise<{ id: string; kind: string; decidedAt: Date }[]> {
    const rows = await on(tx, this.prisma).decision.findMany({
      where: { dossierId: id, withdrawnAt: null },
      select: { id: true, kind: true, decidedAt: true },
      orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({ id: r.id, kind: String(r.kind), decidedAt: r.decidedAt }));
  }

  async takeNextNumber(tx: Transaction, regionId: string, year: number): Promise<number> {
    const rows = await on(tx, this.prisma).$queryRaw<{ last_number: number }[]>`
      INSERT INTO dossier_code_counters (region_id, year, last_number) VALUES (${regionId}::uuid, ${year}, 1)
      ON CONFLICT (region_id, year) DO UPDATE SET last_number = dossier_code_counters.last_number + 1
      RETURNING last_number`;
    return Number(rows[0]!.last_number);
  }

  async openWithAanmelding(
    tx: Transaction,
    input: NewAanmelding,
  ): Promise<{ dossierId: string; aanmeldingId: string }> {
    const db = on(tx, this.prisma);
    const dossier = await db.dossier.create({
      data: {
        code: input.code,
        regionId: input.regionId,
        phase: input.phase,
        aanmelderId: input.aanmelderId,
        aanmelderOrganisationId: input.organisationId,
        childrenOver12: input.clients.filter((c) => c.over12).length,
      },
      select: { id: true },
    });
    const aanmelding = await db.aanmelding.create({
      data: {
        dossierId: dossier.id,
        sequence: 1,
        aanmelderId: input.aanmelderId,
        organisationId: input.organisationId,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone ?? null,
        whyNow: input.whyNow,
        regionAnswers: input.regionAnswers,
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

  async attachDocument(
    tx: Transaction,
    id: string,
    document: {
      storageKey: string;
      fileName: string;
      mimeType: string;
      sizeBytes: number;
      sha256: string;
      uploadedById: string;
      uploadedAt: Date;
    },
  ): Promise<string> {
    const row = await on(tx, this.prisma).document.create({
      data: { ...document, dossierId: id },
      select: { id: true },
    });
    return row.id;
  }

  async recordConsulent(tx: Transaction, id: string, involvement: ConsulentInvolvement): Promise<void> {
    await on(tx, this.prisma).dossier.update({
      where: { id },
      data: involvement.involved
        ? {
            ocjSdjConsulentInvolved: true,
            consulentInvolvedSince: dateColumn(involvement.since),
            consulentEmail: involvement.email,
          }
        : {
            ocjSdjConsulentInvolved: false,
            consulentInvolvedSince: null,
            consulentEmail: null,
            consulentId: null,
          },
    });
  }

  async correctCasusregieStart(
    tx: Transaction,
    id: string,
    startDecisionId: string | undefined,
    startDate: LocalDateString,
  ): Promise<void> {
    const db = on(tx, this.prisma);
    await db.dossier.update({ where: { id }, data: { casusregieStartDate: dateColumn(startDate) } });
    if (startDecisionId)
      await db.decision.update({
        where: { id: startDecisionId },
        data: { startDate: dateColumn(startDate) },
      });
  }

  changeCasusregisseur(tx: Transaction, id: string, change: NewCasusregisseurChange) {
    return casusregie.changeCasusregisseur(on(tx, this.prisma), id, change);
  }

  casusregisseurChangesOf(tx: Transaction | undefined, id: string) {
    return casusregie.casusregisseurChangesOf(on(tx, this.prisma), id);
  }

  async recordDecision(
    tx: Transaction,
    id: string,
    next: DossierState,
    consentVerifiedAt: Date | undefined,
    decision: NewDecision,
  ): Promise<{ id: string }> {
    const db = on(tx, this.prisma);
    await db.dossier.update({
      where: { id },
      data: {
        phase: next.phase,
        casusregisseurId: next.casusregisseurId ?? null,
        casusregiePlannedStartDate: dateColumn(next.casusregiePlannedStartDate),
        casusregieStartDate: dateColumn(next.casusregieStartDate),
        afrondingDate: dateColumn(next.afrondingDate),
        afsluitingDate: dateColumn(next.afsluitingDate),
        noConsentReturns: next.noConsentReturns,
        traject: next.traject ?? null,
        ...(consentVerifiedAt && next.consent
          ? {
              consentVerifiedAt,
              consentVerifiedById: next.consent.verifiedById,
              consentGivenBy: next.consent.givenBy ?? null,
            }
          : {}),
      },
    });
    return db.decision.create({
      data: {
        ...decision,
        priorState: { ...decision.priorState },
        resultState: { ...decision.resultState },
        decidedItemId: decision.agendaItemId,
        dossierId: id,
        startDate: dateColumn(decision.startDate),
        terugkomdatum: dateColumn(decision.terugkomdatum),
        vervolgoverlegDate: dateColumn(decision.vervolgoverlegDate),
        bijkomendCasusoverlegDate: dateColumn(decision.bijkomendCasusoverlegDate),
      },
      select: { id: true },
    });
  }

  /** The consent of an adult family member; `startDate` the start of casusregie it allows. */
  async recordConsent(
    tx: Transaction,
    id: string,
    consent: { verifiedAt: Date; verifiedById: string; givenBy: string },
    startDate: LocalDateString,
  ): Promise<void> {
    await on(tx, this.prisma).dossier.update({
      where: { id },
      data: {
        consentVerifiedAt: consent.verifiedAt,
        consentVerifiedById: consent.verifiedById,
        consentGivenBy: consent.givenBy,
        casusregieStartDate: dateColumn(startDate),
      },
    });
  }

  async recordNoConsent(
    tx: Transaction,
    id: string,
    next: DossierState,
    noConsent: { establishedOn: LocalDateString; recordedById: string; note: string },
  ): Promise<void> {
    await on(tx, this.prisma).dossier.update({
      where: { id },
      data: {
        phase: next.phase,
        casusregisseurId: next.casusregisseurId ?? null,
        casusregiePlannedStartDate: dateColumn(next.casusregiePlannedStartDate),
        noConsentEstablishedOn: dateColumn(noConsent.establishedOn),
        noConsentRecordedById: noConsent.recordedById,
        noConsentNote: noConsent.note,
      },
    });
  }

  async childHearingsOf(tx: Transaction | undefined, id: string): Promise<ChildHearingRecord[]> {
    const rows = await on(tx, this.prisma).childHearing.findMany({
      where: { dossierId: id },
      select: { label: true, heardOn: true, notHeardReason: true },
      orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({ ...r, heardOn: dayOf(r.heardOn) }));
  }

  /**
   * One child's entry (the same label key replaces it), the dossier's count of children over 12,
   * and when every one of them was accounted for (`heardAt` only the first time).
   */
  async recordChildHearing(
    tx: Transaction,
    id: string,
    hearing: NewChildHearing,
    count: { childrenOver12: number; heardAt: Date | null },
  ): Promise<void> {
    const db = on(tx, this.prisma);
    const values = {
      label: hearing.label,
      heardOn: dateColumn(hearing.heardOn),
      notHeardReason: hearing.notHeardReason,
      recordedById: hearing.recordedById,
      recordedAt: hearing.recordedAt,
    };
    await db.childHearing.upsert({
      where: { dossierId_labelKey: { dossierId: id, labelKey: hearing.labelKey } },
      create: { ...values, dossierId: id, labelKey: hearing.labelKey },
      update: values,
    });
    await db.dossier.update({
      where: { id },
      data: {
        childrenOver12: count.childrenOver12,
        ...(count.heardAt && { childrenOver12HeardAt: count.heardAt }),
      },
    });
  }

  async recordConsulentConsultation(
    tx: Transaction,
    id: string,
    consultation: { consultedOn: LocalDateString; note: string; consultedById: string },
  ): Promise<void> {
    await on(tx, this.prisma).dossier.update({
      where: { id },
      data: {
        consulentConsultedOn: dateColumn(consultation.consultedOn),
        consulentConsultationNote: consultation.note,
        consulentConsultedById: consultation.consultedById,
      },
    });
  }
}
