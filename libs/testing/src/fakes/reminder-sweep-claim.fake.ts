import type {
  ClaimedObligation,
  DueReminderStep,
  ReminderStepPlan,
  ReminderSweepClaim,
  StoredReminderStep,
} from '@overlegtafels/application/testing';
import type { Transaction } from '@overlegtafels/application/testing';
import { FakeObligationRepository, stepId } from './obligation.repository.fake';

/**
 * The sweep's claim over the same in-memory obligations and steps as FakeObligationRepository.
 * `heldElsewhere` plays another worker holding an obligation: its claim comes back empty, as
 * SKIP LOCKED does.
 */
export class FakeReminderSweepClaim implements ReminderSweepClaim {
  readonly heldElsewhere = new Set<string>();
  /** Every claim asked for, in order. */
  readonly claims: string[] = [];

  constructor(private readonly repo: FakeObligationRepository) {}

  async findDueSteps(now: Date, limit: number, regionId?: string): Promise<DueReminderStep[]> {
    return this.repo.steps
      .where((s) => s.enqueuedAt === null && s.sendAt.getTime() <= now.getTime())
      .flatMap((s) => {
        const o = this.repo.obligations.get(s.obligationId);
        const ofRegion =
          !regionId || this.repo.dossiers.get(o?.dossierId ?? '')?.dossier.regionId === regionId;
        return o && o.status === 'open' && ofRegion ? [{ s, o }] : [];
      })
      .sort((a, b) => a.s.sendAt.getTime() - b.s.sendAt.getTime() || a.s.id.localeCompare(b.s.id))
      .slice(0, limit)
      .map(({ s, o }) => ({ obligationId: o.id, stepKey: s.stepKey, ruleKey: o.ruleKey, dueAt: o.dueAt }));
  }

  async claim(_tx: Transaction, obligationId: string): Promise<ClaimedObligation | undefined> {
    this.claims.push(obligationId);
    const o = this.repo.obligations.get(obligationId);
    if (!o || o.status !== 'open' || this.heldElsewhere.has(obligationId)) return undefined;
    const d = this.repo.dossiers.get(o.dossierId);
    if (!d) return undefined;
    return {
      id: o.id,
      dossierId: o.dossierId,
      dossierCode: d.dossier.code,
      regionId: d.dossier.regionId,
      ruleKey: o.ruleKey,
      sequence: o.sequence,
      dueAt: o.dueAt,
      ownerId: o.ownerId,
      tableKey: o.tableKey,
      itemType: o.itemType,
    };
  }

  async stepsOf(_tx: Transaction, obligationId: string): Promise<StoredReminderStep[]> {
    return this.repo.stepsOf(obligationId).map(({ stepKey, sendAt, enqueuedAt, superseded }) => ({
      stepKey,
      sendAt,
      enqueuedAt,
      superseded,
    }));
  }

  async markSent(_tx: Transaction, obligationId: string, step: ReminderStepPlan, at: Date): Promise<void> {
    this.mark(obligationId, step, at, false);
  }

  async markSuperseded(
    _tx: Transaction,
    obligationId: string,
    step: ReminderStepPlan,
    at: Date,
  ): Promise<void> {
    this.mark(obligationId, step, at, true);
  }

  async recordEscalation(_tx: Transaction, obligationId: string, at: Date): Promise<void> {
    this.repo.obligations.update(obligationId, { lastEscalatedAt: at });
  }

  async scheduleStep(_tx: Transaction, obligationId: string, step: ReminderStepPlan): Promise<void> {
    this.repo.addSteps(obligationId, [step]);
  }

  private mark(obligationId: string, step: ReminderStepPlan, at: Date, superseded: boolean): void {
    const id = stepId(obligationId, step.stepKey);
    const stored = this.repo.steps.get(id);
    this.repo.steps.put({
      id,
      obligationId,
      stepKey: step.stepKey,
      sendAt: stored?.sendAt ?? step.sendAt,
      enqueuedAt: at,
      superseded,
    });
  }
}
