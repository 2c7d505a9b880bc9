import { Inject, Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { asTransaction, on, type Transaction } from '../transaction';

/** The dossier row as far as its obligations care. Dates are the stored calendar dates (UTC midnight). */
export interface ObligationDossierRow {
  id: string;
  code: string;
  regionId: string;
  casusregisseurId: string | null;
  casusregieStartDate: Date | null;
  afrondingDate: Date | null;
  afsluitingDate: Date | null;
  consentVerifiedAt: Date | null;
  ocjSdjConsulentInvolved: boolean;
  consulentInvolvedSince: Date | null;
  childrenOver12: number;
  childrenOver12HeardAt: Date | null;
}

export interface ObligationDecisionRow {
  id: string;
  kind: string;
  decidedAt: Date;
  tableKey: string;
  terugkomdatum: Date | null;
}

export interface ObligationAgendaItemRow {
  id: string;
  tableKey: string;
  itemType: string;
  submittedAt: Date;
  status: string;
  sessionScheduledStart: Date;
}

export type ObligationStatusValue = 'open' | 'fulfilled' | 'cancelled';

export interface StoredObligationRow {
  id: string;
  ruleKey: string;
  sequence: number;
  ownerId: string | null;
  ownerRole: string;
  tableKey: string | null;
  itemType: string | null;
  dueAt: Date;
  status: ObligationStatusValue;
  fulfilledAt: Date | null;
  fulfilmentKind: string | null;
  fulfilmentNote: string | null;
  fulfilledByAgendaItemId: string | null;
  sessionKey: string | null;
}

export interface NewObligationRow {
  dossierId: string;
  ruleKey: string;
  sequence: number;
  ownerId: string | null;
  ownerRole: 'casusregisseur' | 'coordinator';
  tableKey: string | null;
  itemType: string | null;
  dueAt: Date;
  sessionKey: string | null;
  status: ObligationStatusValue;
  fulfilledAt?: Date | null;
  fulfilmentKind?: string | null;
  fulfilledByAgendaItemId?: string | null;
}

export interface ObligationPatch {
  ownerId?: string | null;
  ownerRole?: 'casusregisseur' | 'coordinator';
  tableKey?: string | null;
  itemType?: string | null;
  dueAt?: Date;
  sessionKey?: string | null;
  status?: ObligationStatusValue;
  fulfilledAt?: Date | null;
  fulfilledById?: string | null;
  fulfilmentKind?: string | null;
  fulfilmentNote?: string | null;
  fulfilledByAgendaItemId?: string | null;
  cancelledAt?: Date | null;
  cancelReason?: string | null;
  lastEscalatedAt?: Date | null;
}

export interface NewStepRow {
  stepKey: string;
  sendAt: Date;
}

/** A due, unsent reminder step with what the sweep needs of its obligation. */
export interface DueStepRow {
  obligationId: string;
  stepKey: string;
  ruleKey: string;
  dueAt: Date;
}

/** An open obligation locked for the sweep, with its dossier code and owner. */
export interface LockedObligationRow {
  id: string;
  dossierId: string;
  dossierCode: string;
  regionId: string;
  ruleKey: string;
  sequence: number;
  dueAt: Date;
  ownerId: string | null;
  tableKey: string | null;
  itemType: string | null;
}

export interface StepRow {
  id: string;
  stepKey: string;
  sendAt: Date;
  enqueuedAt: Date | null;
  superseded: boolean;
}

export interface MailRecipientRow {
  personId: string;
  email: string;
  displayName: string;
}

/** An obligation for the views: with its dossier's code and casusregisseur, ids and names only. */
export interface ObligationListRow {
  id: string;
  dossierId: string;
  dossierCode: string;
  ruleKey: string;
  sequence: number;
  ownerId: string | null;
  ownerRole: string;
  tableKey: string | null;
  itemType: string | null;
  dueAt: Date;
  status: ObligationStatusValue;
  sessionKey: string | null;
  fulfilledAt: Date | null;
  fulfilmentKind: string | null;
  fulfilmentNote: string | null;
  cancelledAt: Date | null;
  casusregisseurId: string | null;
  casusregisseurName: string | null;
  organisationId: string | null;
  organisationName: string | null;
}

export interface ObligationListFilter {
  regionId: string;
  status?: ObligationStatusValue;
  dueBefore?: Date;
  dueFrom?: Date;
  /** Owned by this person, or owned by the coordinators of one of these tables. */
  ownedBy?: { personId: string; coordinatorTables: readonly string[] };
  dossierId?: string;
  limit?: number;
}

const storedSelect = {
  id: true,
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

/**
 * Follow-up obligations and their reminder steps. The sync writes inside the caller's
 * transaction (`tx`); the sweep locks one obligation at a time with SKIP LOCKED so that any number
 * of workers can sweep at once.
 */
@Injectable()
export class ObligationRepository {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((client) => work(asTransaction(client)), { timeout: 30_000 });
  }

  /**
   * Locks the dossier row against a concurrent sync of the same dossier (FOR NO KEY UPDATE: agenda
   * items and decisions referring to it can still be inserted) and reads it.
   */
  async lockDossier(tx: Transaction, dossierId: string): Promise<ObligationDossierRow | undefined> {
    const locked = await on(tx, this.prisma).$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT id FROM dossiers WHERE id = ${dossierId}::uuid FOR NO KEY UPDATE`,
    );
    if (locked.length === 0) return undefined;
    const row = await on(tx, this.prisma).dossier.findUnique({
      where: { id: dossierId },
      select: {
        id: true,
        code: true,
        regionId: true,
        casusregisseurId: true,
        casusregieStartDate: true,
        afrondingDate: true,
        afsluitingDate: true,
        consentVerifiedAt: true,
        ocjSdjConsulentInvolved: true,
        consulentInvolvedSince: true,
        childrenOver12: true,
        childrenOver12HeardAt: true,
      },
    });
    return row ?? undefined;
  }

  async decisionsOf(tx: Transaction, dossierId: string): Promise<ObligationDecisionRow[]> {
    const rows = await on(tx, this.prisma).decision.findMany({
      where: { dossierId },
      select: { id: true, kind: true, decidedAt: true, tableKey: true, terugkomdatum: true },
      orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({ ...r, kind: String(r.kind) }));
  }

  /** Every agenda item of the dossier but the withdrawn ones, with its session's series slot. */
  async agendaItemsOf(tx: Transaction, dossierId: string): Promise<ObligationAgendaItemRow[]> {
    const rows = await on(tx, this.prisma).agendaItem.findMany({
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

  async storedOf(tx: Transaction, dossierId: string): Promise<StoredObligationRow[]> {
    const rows = await on(tx, this.prisma).followUpObligation.findMany({
      where: { dossierId },
      select: storedSelect,
      orderBy: [{ ruleKey: 'asc' }, { sequence: 'asc' }],
    });
    return rows.map((r) => ({
      ...r,
      ownerRole: String(r.ownerRole),
      status: r.status as ObligationStatusValue,
    }));
  }

  async create(tx: Transaction, row: NewObligationRow): Promise<string> {
    const created = await on(tx, this.prisma).followUpObligation.create({ data: row, select: { id: true } });
    return created.id;
  }

  async update(tx: Transaction, id: string, patch: ObligationPatch): Promise<void> {
    await on(tx, this.prisma).followUpObligation.update({ where: { id }, data: patch });
  }

  /** Steps not handled yet go; steps already mailed stay as the record of what was sent. */
  async deleteUnsentSteps(tx: Transaction, obligationId: string): Promise<void> {
    await on(tx, this.prisma).obligationReminder.deleteMany({ where: { obligationId, enqueuedAt: null } });
  }

  /** Adds steps; a step with the same key (already there, or sent before) is left as it is. */
  async addSteps(tx: Transaction, obligationId: string, steps: readonly NewStepRow[]): Promise<void> {
    if (steps.length === 0) return;
    await on(tx, this.prisma).obligationReminder.createMany({
      data: steps.map((s) => ({ obligationId, stepKey: s.stepKey, sendAt: s.sendAt })),
      skipDuplicates: true,
    });
  }

  /** Open obligations whose due date hangs on a session of the table: what a calendar change can move. */
  async dossiersWithOpenObligationsOn(tx: Transaction, tableKey: string): Promise<string[]> {
    const rows = await on(tx, this.prisma).followUpObligation.findMany({
      where: { status: 'open', sessionKey: { startsWith: `${tableKey}:` } },
      select: { dossierId: true },
      distinct: ['dossierId'],
    });
    return rows.map((r) => r.dossierId);
  }

  /** Dossiers that have (or should have) obligations: casusregie started at some point. */
  async dossierIdsToReconcile(regionId: string, afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.prisma.dossier.findMany({
      where: {
        regionId,
        ...(afterId ? { id: { gt: afterId } } : {}),
        OR: [{ casusregieStartDate: { not: null } }, { obligations: { some: {} } }],
      },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  // ───────────────────────────── sweep ─────────────────────────────

  /**
   * Reminder steps whose moment has come and that were not handled yet, oldest first: one range
   * scan of obligation_reminders (enqueued_at, send_at) and a primary-key lookup per row, so the
   * cost follows the number of due steps, not the number of obligations.
   */
  async findDueSteps(now: Date, limit: number): Promise<DueStepRow[]> {
    return this.prisma.$queryRaw<DueStepRow[]>(Prisma.sql`
      SELECT r.obligation_id AS "obligationId", r.step_key AS "stepKey", o.rule_key AS "ruleKey",
             o.due_at AS "dueAt"
        FROM obligation_reminders r
        JOIN follow_up_obligations o ON o.id = r.obligation_id
       WHERE r.enqueued_at IS NULL AND r.send_at <= ${now} AND o.status = 'open'
       ORDER BY r.send_at, r.id
       LIMIT ${limit}`);
  }

  /** The obligation, if it is open and no other worker holds it; never waits. */
  async lockOpenObligation(tx: Transaction, obligationId: string): Promise<LockedObligationRow | undefined> {
    const rows = await on(tx, this.prisma).$queryRaw<LockedObligationRow[]>(Prisma.sql`
      SELECT o.id, o.dossier_id AS "dossierId", d.code AS "dossierCode", d.region_id AS "regionId",
             o.rule_key AS "ruleKey", o.sequence, o.due_at AS "dueAt", o.owner_id AS "ownerId",
             o.table_key AS "tableKey", o.item_type AS "itemType"
        FROM follow_up_obligations o
        JOIN dossiers d ON d.id = o.dossier_id
       WHERE o.id = ${obligationId}::uuid AND o.status = 'open'
         FOR UPDATE OF o SKIP LOCKED`);
    return rows[0];
  }

  async stepsOf(tx: Transaction, obligationId: string): Promise<StepRow[]> {
    return on(tx, this.prisma).obligationReminder.findMany({
      where: { obligationId },
      select: { id: true, stepKey: true, sendAt: true, enqueuedAt: true, superseded: true },
      orderBy: [{ sendAt: 'asc' }, { stepKey: 'asc' }],
    });
  }

  /** Records a step as handled: mailed now, or superseded by a later one. Inserts it if it was not stored. */
  async markStep(
    tx: Transaction,
    obligationId: string,
    step: NewStepRow,
    at: Date,
    superseded: boolean,
  ): Promise<void> {
    await on(tx, this.prisma).obligationReminder.upsert({
      where: { obligationId_stepKey: { obligationId, stepKey: step.stepKey } },
      create: { obligationId, stepKey: step.stepKey, sendAt: step.sendAt, enqueuedAt: at, superseded },
      update: { enqueuedAt: at, superseded },
    });
  }

  async person(tx: Transaction, personId: string): Promise<MailRecipientRow | undefined> {
    const p = await on(tx, this.prisma).person.findFirst({
      where: { id: personId, active: true },
      select: { id: true, email: true, displayName: true },
    });
    return p ? { personId: p.id, email: p.email, displayName: p.displayName } : undefined;
  }

  /** The active coordinators of one table of the region, in a stable order. */
  async coordinatorsOf(tx: Transaction, regionId: string, tableKey: string): Promise<MailRecipientRow[]> {
    const rows = await on(tx, this.prisma).person.findMany({
      where: {
        regionId,
        active: true,
        roleAssignments: { some: { role: 'coordinator', OR: [{ tableKey }, { tableKey: null }] } },
      },
      select: { id: true, email: true, displayName: true },
      orderBy: { id: 'asc' },
    });
    return rows.map((p) => ({ personId: p.id, email: p.email, displayName: p.displayName }));
  }

  // ───────────────────────────── views ─────────────────────────────

  async list(filter: ObligationListFilter): Promise<ObligationListRow[]> {
    const where: Prisma.FollowUpObligationWhereInput = {
      dossier: { regionId: filter.regionId },
      ...(filter.dossierId ? { dossierId: filter.dossierId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.dueBefore || filter.dueFrom
        ? {
            dueAt: {
              ...(filter.dueBefore ? { lt: filter.dueBefore } : {}),
              ...(filter.dueFrom ? { gte: filter.dueFrom } : {}),
            },
          }
        : {}),
      ...(filter.ownedBy
        ? {
            OR: [
              { ownerId: filter.ownedBy.personId },
              { ownerRole: 'coordinator', tableKey: { in: [...filter.ownedBy.coordinatorTables] } },
            ],
          }
        : {}),
    };
    const rows = await this.prisma.followUpObligation.findMany({
      where,
      select: {
        ...storedSelect,
        dossierId: true,
        cancelledAt: true,
        dossier: {
          select: {
            code: true,
            casusregisseurId: true,
            casusregisseur: {
              select: { displayName: true, organisationId: true, organisation: { select: { name: true } } },
            },
          },
        },
      },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: filter.limit ?? 1000,
    });
    return rows.map(({ dossier, ...r }) => ({
      ...r,
      ownerRole: String(r.ownerRole),
      status: r.status as ObligationStatusValue,
      dossierCode: dossier.code,
      casusregisseurId: dossier.casusregisseurId,
      casusregisseurName: dossier.casusregisseur?.displayName ?? null,
      organisationId: dossier.casusregisseur?.organisationId ?? null,
      organisationName: dossier.casusregisseur?.organisation?.name ?? null,
    }));
  }

  async findForFulfilment(obligationId: string): Promise<
    | {
        id: string;
        dossierId: string;
        regionId: string;
        casusregisseurId: string | null;
        ruleKey: string;
        status: ObligationStatusValue;
        tableKey: string | null;
      }
    | undefined
  > {
    const row = await this.prisma.followUpObligation.findUnique({
      where: { id: obligationId },
      select: {
        id: true,
        dossierId: true,
        ruleKey: true,
        status: true,
        tableKey: true,
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
      status: row.status as ObligationStatusValue,
      tableKey: row.tableKey,
    };
  }

  /** Marks an open obligation done by hand; false when it was no longer open (a second click). */
  async fulfilManually(
    tx: Transaction,
    obligationId: string,
    byPersonId: string,
    note: string,
    at: Date,
  ): Promise<boolean> {
    const { count } = await on(tx, this.prisma).followUpObligation.updateMany({
      where: { id: obligationId, status: 'open' },
      data: {
        status: 'fulfilled',
        fulfilledAt: at,
        fulfilledById: byPersonId,
        fulfilmentKind: 'manual',
        fulfilmentNote: note,
      },
    });
    if (count === 1) await this.deleteUnsentSteps(tx, obligationId);
    return count === 1;
  }

  /** Minutes of placed agenda items per stored session of a table whose series slot lies in [from, until). */
  async placedMinutes(
    regionId: string,
    tableKey: string,
    from: Date,
    until: Date,
  ): Promise<{ scheduledStart: Date; minutes: number }[]> {
    const rows = await this.prisma.$queryRaw<{ scheduledStart: Date; minutes: bigint | number | null }[]>(
      Prisma.sql`
        SELECT s.scheduled_start AS "scheduledStart", COALESCE(SUM(a.duration_minutes), 0) AS minutes
          FROM sessions s
          LEFT JOIN agenda_items a ON a.session_id = s.id AND a.status = 'placed'
         WHERE s.region_id = ${regionId}::uuid AND s.table_key = ${tableKey}
           AND s.scheduled_start >= ${from} AND s.scheduled_start < ${until}
         GROUP BY s.scheduled_start`,
    );
    return rows.map((r) => ({ scheduledStart: r.scheduledStart, minutes: Number(r.minutes ?? 0) }));
  }

  /** A person's region and the tables they coordinate (every table for a region-wide grant: null). */
  async ownerScopeOf(
    personId: string,
  ): Promise<{ regionId: string; coordinatorTables: (string | null)[] } | undefined> {
    const person = await this.prisma.person.findFirst({
      where: { id: personId, active: true },
      select: {
        regionId: true,
        roleAssignments: { where: { role: 'coordinator' }, select: { tableKey: true } },
      },
    });
    if (!person) return undefined;
    return { regionId: person.regionId, coordinatorTables: person.roleAssignments.map((r) => r.tableKey) };
  }

  async regionIdOf(regionKey: string): Promise<string | undefined> {
    const row = await this.prisma.region.findUnique({ where: { key: regionKey }, select: { id: true } });
    return row?.id;
  }
}
