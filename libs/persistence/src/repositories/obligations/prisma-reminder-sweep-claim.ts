import { Inject, Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../prisma.service';
import { on, type Transaction } from '../../transaction';
import type {
  ReminderSweepClaim,
  ClaimedObligation,
  DueReminderStep,
  ReminderStepPlan,
  StoredReminderStep,
} from '@overlegtafels/application';

/**
 * The reminder sweep's reads and writes: due steps found with one range scan, each obligation
 * claimed with FOR UPDATE SKIP LOCKED so that any number of workers can sweep at once, and the
 * handled steps recorded in the claim's transaction.
 */
@Injectable()
export class PrismaReminderSweepClaim implements ReminderSweepClaim {
  constructor(@Inject(PrismaService) private readonly prisma: PrismaService) {}

  /**
   * Reminder steps whose moment has come and that were not handled yet, oldest first: one range
   * scan of obligation_reminders (enqueued_at, send_at) and a primary-key lookup per row, so the
   * cost follows the number of due steps, not the number of obligations.
   */
  async findDueSteps(now: Date, limit: number, regionId?: string): Promise<DueReminderStep[]> {
    const ofRegion = regionId
      ? Prisma.sql`AND o.dossier_id IN (SELECT id FROM dossiers WHERE region_id = ${regionId}::uuid)`
      : Prisma.empty;
    return this.prisma.$queryRaw<DueReminderStep[]>(Prisma.sql`
      SELECT r.obligation_id AS "obligationId", r.step_key AS "stepKey", o.rule_key AS "ruleKey",
             o.due_at AS "dueAt"
        FROM obligation_reminders r
        JOIN follow_up_obligations o ON o.id = r.obligation_id
       WHERE r.enqueued_at IS NULL AND r.send_at <= ${now} AND o.status = 'open' ${ofRegion}
       ORDER BY r.send_at, r.id
       LIMIT ${limit}`);
  }

  /** The obligation, if it is open and no other worker holds it; never waits. */
  async claim(tx: Transaction, obligationId: string): Promise<ClaimedObligation | undefined> {
    const rows = await on(tx, this.prisma).$queryRaw<ClaimedObligation[]>(Prisma.sql`
      SELECT o.id, o.dossier_id AS "dossierId", d.code AS "dossierCode", d.region_id AS "regionId",
             o.rule_key AS "ruleKey", o.sequence, o.due_at AS "dueAt", o.owner_id AS "ownerId",
             o.table_key AS "tableKey", o.item_type AS "itemType"
        FROM follow_up_obligations o
        JOIN dossiers d ON d.id = o.dossier_id
       WHERE o.id = ${obligationId}::uuid AND o.status = 'open'
         FOR UPDATE OF o SKIP LOCKED`);
    return rows[0];
  }

  async stepsOf(tx: Transaction, obligationId: string): Promise<StoredReminderStep[]> {
    return on(tx, this.prisma).obligationReminder.findMany({
      where: { obligationId },
      select: { stepKey: true, sendAt: true, enqueuedAt: true, superseded: true },
      orderBy: [{ sendAt: 'asc' }, { stepKey: 'asc' }],
    });
  }

  markSent(tx: Transaction, obligationId: string, step: ReminderStepPlan, at: Date): Promise<void> {
    return this.markStep(tx, obligationId, step, at, false);
  }

  markSuperseded(tx: Transaction, obligationId: string, step: ReminderStepPlan, at: Date): Promise<void> {
    return this.markStep(tx, obligationId, step, at, true);
  }

  async recordEscalation(tx: Transaction, obligationId: string, at: Date): Promise<void> {
    await on(tx, this.prisma).followUpObligation.update({
      where: { id: obligationId },
      data: { lastEscalatedAt: at },
    });
  }

  async scheduleStep(tx: Transaction, obligationId: string, step: ReminderStepPlan): Promise<void> {
    await on(tx, this.prisma).obligationReminder.createMany({
      data: [{ obligationId, stepKey: step.stepKey, sendAt: step.sendAt }],
      skipDuplicates: true,
    });
  }

  /** Records a step as handled; inserts it if it was not stored. */
  private async markStep(
    tx: Transaction,
    obligationId: string,
    step: ReminderStepPlan,
    at: Date,
    superseded: boolean,
  ): Promise<void> {
    await on(tx, this.prisma).obligationReminder.upsert({
      where: { obligationId_stepKey: { obligationId, stepKey: step.stepKey } },
      create: { obligationId, stepKey: step.stepKey, sendAt: step.sendAt, enqueuedAt: at, superseded },
      update: { enqueuedAt: at, superseded },
    });
  }
}
