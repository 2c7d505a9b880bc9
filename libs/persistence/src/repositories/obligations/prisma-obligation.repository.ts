import { Inject, Injectable } from '@nestjs/common';
import type { CalendarState } from '@overlegtafels/domain';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../prisma.service';
import { on, type Transaction, type Tx } from '../../transaction';
import { PrismaCalendarStateRepository } from '../calendar-state.repository';
import { dbRole, roleKey } from '../role-keys';
import type {
  DossierToPlan,
  ObligationRepository,
  NewObligation,
  ObligationAgendaItem,
  ObligationDecision,
  ObligationFulfilmentRecord,
  ObligationPlacement,
  ObligationRecord,
  ObligationReport,
  ObligationStatus,
  ObligationToFulfil,
  ReminderStepPlan,
} from '@overlegtafels/application';

export const storedObligationSelect = {
  id: true,
  life: true,
  ruleKey: true,
  sequence: true,
  ownerId: true,
  ownerRole: true,
  tableKey: true,
  itemType: true,
  dueAt: true,
  status: true,
  fulfilledAt: true,
  fulfilmentKind: true,
  fulfilmentNote: true,
  fulfilledByAgendaItemId: true,
  sessionKey: true,
} as const;

/** The fulfilment's columns; the agenda item only when it was one (an earlier link stays otherwise). */
const fulfilmentData = (f: ObligationFulfilmentRecord | null) =>
  f
    ? {
        fulfilledAt: f.at,
        fulfilmentKind: f.kind,
        ...(f.agendaItemId !== null && { fulfilledByAgendaItemId: f.agendaItemId }),
      }
    : {};

/**
 * Follow-up obligations with their reminder steps, as the re-plan and the manual "done" write
 * them, always in the caller's transaction.
 */
@Injectable()
export class PrismaObligationRepository implements ObligationRepository {
  constructor(
    @Inject(PrismaService) private readonly prisma: PrismaService,
    @Inject(PrismaCalendarStateRepository) private readonly calendars: PrismaCalendarStateRepository,
  ) {}

  /**
   * Locks the dossier row against a concurrent re-plan of the same dossier (FOR NO KEY UPDATE:
   * agenda items and decisions referring to it can still be inserted) and reads what the plan
   * needs, one query after the other (a transaction is one connection).
   */
  async lockDossierToPlan(tx: Transaction, dossierId: string): Promise<DossierToPlan | undefined> {
    const db = on(tx, this.prisma);
    const locked = await db.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT id FROM dossiers WHERE id = ${dossierId}::uuid FOR NO KEY UPDATE`,
    );
    if (locked.length === 0) return undefined;
    const dossier = await db.dossier.findUnique({
      where: { id: dossierId },
      select: {
        id: true,
        code: true,
        regionId: true,
        casusregisseurId: true,
        casusregisseur: { select: { active: true } },
        casusregisseurLeftAt: true,
        casusregiePlannedStartDate: true,
        casusregieStartDate: true,
        afrondingDate: true,
        afsluitingDate: true,
        consentVerifiedAt: true,
        ocjSdjConsulentInvolved: true,
        consulentInvolvedSince: true,
        consulentConsultedOn: true,
        childrenOver12: true,
        childrenOver12HeardAt: true,
        traject: true,
      },
    });
    if (!dossier) return undefined;
    const { casusregisseur, casusregisseurLeftAt, ...own } = dossier;
    return {
      dossier: {
        ...own,
        casusregisseurActive: (casusregisseur?.active ?? true) && casusregisseurLeftAt === null,
      },
      ...(await this.currentLife(db, dossierId)),
      decisions: await this.decisionsOf(db, dossierId),
      agendaItems: await this.agendaItemsOf(db, dossierId),
      obligations: await this.storedOf(db, dossierId),
    };
  }

  calendarOf(tx: Transaction, regionKey: string, tableKey: string, timeZone: string): Promise<CalendarState> {
    return this.calendars.forTable(regionKey, tableKey, timeZone, tx);
  }

  async addObligation(
    tx: Transaction,
    o: NewObligation,
    steps: readonly ReminderStepPlan[],
  ): Promise<string> {
    const db = on(tx, this.prisma);
    const created = await db.followUpObligation.create({
      data: {
        dossierId: o.dossierId,
        life: o.life ?? (await this.currentLife(db, o.dossierId)).life,
        ruleKey: o.ruleKey,
        sequence: o.sequence,
        ...o.placement,
        ownerRole: dbRole(o.placement.ownerRole),
        dueAt: o.dueAt,
        status: o.status,
        ...fulfilmentData(o.fulfilment),
      },
      select: { id: true },
    });
    await this.addSteps(db, created.id, steps);
    return created.id;
  }

  async reschedule(
    tx: Transaction,
    obligationId: string,
    change: { placement: ObligationPlacement; dueAt: Date; reopen: boolean },
    steps: readonly ReminderStepPlan[],
  ): Promise<void> {
    const db = on(tx, this.prisma);
    await db.followUpObligation.update({
      where: { id: obligationId },
      data: {
        ...change.placement,
        ownerRole: dbRole(change.placement.ownerRole),
        dueAt: change.dueAt,
        ...(change.reopen && { status: 'open', cancelledAt: null, cancelReason: null }),
      },
    });
    // Steps of the old due date that were not sent yet go; the ones sent stay sent.
    await this.deleteUnsentSteps(db, obligationId);
    await this.addSteps(db, obligationId, steps);
  }

  async markFulfilled(
    tx: Transaction,
    obligationId: string,
    fulfilment: ObligationFulfilmentRecord | null,
  ): Promise<void> {
    const db = on(tx, this.prisma);
    await db.followUpObligation.update({
      where: { id: obligationId },
      data: { status: 'fulfilled', ...fulfilmentData(fulfilment) },
    });
    await this.deleteUnsentSteps(db, obligationId);
  }

  async cancel(tx: Transaction, obligationId: string, at: Date, reason: string): Promise<void> {
    const db = on(tx, this.prisma);
    await db.followUpObligation.update({
      where: { id: obligationId },
      data: { status: 'cancelled', cancelledAt: at, cancelReason: reason },
    });
    await this.deleteUnsentSteps(db, obligationId);
  }

  async reassign(
    tx: Transaction,
    obligationId: string,
    change: Partial<Pick<ObligationPlacement, 'ownerId' | 'ownerRole' | 'tableKey' | 'sessionKey'>>,
  ): Promise<void> {
    const { ownerRole, ...rest } = change;
    await on(tx, this.prisma).followUpObligation.update({
      where: { id: obligationId },
      data: { ...rest, ...(ownerRole && { ownerRole: dbRole(ownerRole) }) },
    });
  }

  async dossiersHangingOnTable(tx: Transaction, tableKey: string): Promise<string[]> {
    const rows = await on(tx, this.prisma).followUpObligation.findMany({
      where: { status: 'open', sessionKey: { startsWith: `${tableKey}:` } },
      select: { dossierId: true },
      distinct: ['dossierId'],
    });
    return rows.map((r) => r.dossierId);
  }

  /** Dossiers that have (or should have) obligations: a casusregisseur was appointed at some point. */
  async dossiersToReconcile(regionId: string, afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.prisma.dossier.findMany({
      where: {
        regionId,
        ...(afterId ? { id: { gt: afterId } } : {}),
        OR: [
          { casusregieStartDate: { not: null } },
          { casusregiePlannedStartDate: { not: null } },
          { obligations: { some: {} } },
        ],
      },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  async findToFulfil(obligationId: string): Promise<ObligationToFulfil | undefined> {
    const row = await this.prisma.followUpObligation.findUnique({
      where: { id: obligationId },
      select: {
        id: true,
        dossierId: true,
        ruleKey: true,
        status: true,
        tableKey: true,
        ownerId: true,
        dossier: { select: { regionId: true, casusregisseurId: true } },
      },
    });
    if (!row) return undefined;
    return {
      id: row.id,
      dossierId: row.dossierId,
      regionId: row.dossier.regionId,
      casusregisseurId: row.dossier.casusregisseurId,
      ruleKey: row.ruleKey,
      status: row.status as ObligationStatus,
      tableKey: row.tableKey,
      ownerId: row.ownerId,
    };
  }

  async fulfilManually(
    tx: Transaction,
    obligationId: string,
    byPersonId: string,
    note: string,
    at: Date,
  ): Promise<boolean> {
    const db = on(tx, this.prisma);
    const { count } = await db.followUpObligation.updateMany({
      where: { id: obligationId, status: 'open' },
      data: {
        status: 'fulfilled',
        fulfilledAt: at,
        fulfilledById: byPersonId,
        fulfilmentKind: 'manual',
        fulfilmentNote: note,
      },
    });
    if (count === 1) await this.deleteUnsentSteps(db, obligationId);
    return count === 1;
  }

  /** The obligation, only while open, and its form's answers, in one transaction. */
  async fulfilWithForm(tx: Transaction, obligationId: string, report: ObligationReport): Promise<boolean> {
    const db = on(tx, this.prisma);
    const { count } = await db.followUpObligation.updateMany({
      where: { id: obligationId, status: 'open' },
      data: {
        status: 'fulfilled',
        fulfilledAt: report.submittedAt,
        fulfilledById: report.submittedById,
        fulfilmentKind: 'form',
      },
    });
    if (count !== 1) return false;
    await this.deleteUnsentSteps(db, obligationId);
    const { dossierId } = await db.followUpObligation.findUniqueOrThrow({
      where: { id: obligationId },
      select: { dossierId: true },
    });
    await db.obligationReport.create({
      data: {
        obligationId,
        dossierId,
        form: report.form,
        answers: report.answers as unknown as Prisma.InputJsonValue,
        submittedById: report.submittedById,
        submittedAt: report.submittedAt,
      },
    });
    return true;
  }

  async reportOf(obligationId: string): Promise<ObligationReport | undefined> {
    const row = await this.prisma.obligationReport.findUnique({ where: { obligationId } });
    if (!row) return undefined;
    return {
      form: row.form,
      answers: row.answers,
      submittedById: row.submittedById,
      submittedAt: row.submittedAt,
    } as unknown as ObligationReport;
  }

  private async decisionsOf(db: Tx, dossierId: string): Promise<ObligationDecision[]> {
    const rows = await db.decision.findMany({
      // A withdrawn or replaced decision plans nothing.
      where: { dossierId, withdrawnAt: null },
      select: {
        id: true,
        kind: true,
        decidedAt: true,
        tableKey: true,
        terugkomdatum: true,
        vervolgoverlegDate: true,
        bijkomendCasusoverlegDate: true,
      },
      orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({ ...r, kind: String(r.kind) }));
  }

  /** Every agenda item of the dossier but the withdrawn ones, with its session's series slot. */
  private async agendaItemsOf(db: Tx, dossierId: string): Promise<ObligationAgendaItem[]> {
    const rows = await db.agendaItem.findMany({
      where: { dossierId, status: { not: 'withdrawn' } },
      select: {
        id: true,
        tableKey: true,
        itemType: true,
        submittedAt: true,
        status: true,
        session: { select: { scheduledStart: true } },
      },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(({ session, ...r }) => ({
      ...r,
      status: String(r.status),
      sessionScheduledStart: session.scheduledStart,
    }));
  }

  private async storedOf(db: Tx, dossierId: string): Promise<ObligationRecord[]> {
    const rows = await db.followUpObligation.findMany({
      where: { dossierId },
      select: storedObligationSelect,
      orderBy: [{ life: 'asc' }, { ruleKey: 'asc' }, { sequence: 'asc' }],
    });
    return rows.map((r) => ({
      ...r,
      ownerRole: roleKey(String(r.ownerRole)),
      status: r.status as ObligationStatus,
    }));
  }

  /** The dossier's life: one more for every heropening, the latest of which began the current one. */
  private async currentLife(
    db: Tx,
    dossierId: string,
  ): Promise<{ life: number; lifeStartedAt: Date | null }> {
    const reopenings = await db.dossierReopening.aggregate({
      where: { dossierId },
      _count: { _all: true },
      _max: { reopenedAt: true },
    });
    return { life: 1 + reopenings._count._all, lifeStartedAt: reopenings._max.reopenedAt };
  }

  /** Steps not handled yet go; steps already mailed stay as the record of what was sent. */
  private async deleteUnsentSteps(db: Tx, obligationId: string): Promise<void> {
    await db.obligationReminder.deleteMany({ where: { obligationId, enqueuedAt: null } });
  }

  /** Adds steps; a step with the same key (already there, or sent before) is left as it is. */
  private async addSteps(db: Tx, obligationId: string, steps: readonly ReminderStepPlan[]): Promise<void> {
    if (steps.length === 0) return;
    await db.obligationReminder.createMany({
      data: steps.map((s) => ({ obligationId, stepKey: s.stepKey, sendAt: s.sendAt })),
      skipDuplicates: true,
    });
  }
}
