import type { Transaction } from './unit-of-work.port';
import type { ReminderStepPlan } from './obligation.repository.port';

/** A due, unsent reminder step with what the sweep needs of its obligation. */
export interface DueReminderStep {
  obligationId: string;
  stepKey: string;
  ruleKey: string;
  dueAt: Date;
}

/** An open obligation claimed by one sweep, with its dossier's code and region. */
export interface ClaimedObligation {
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

/** A reminder step as stored: sent once `enqueuedAt` is set, or handled without a mail. */
export interface StoredReminderStep {
  stepKey: string;
  sendAt: Date;
  enqueuedAt: Date | null;
  superseded: boolean;
}

/**
 * The reminder sweep's side of the obligations: finding due steps, claiming one obligation at a
 * time so that any number of workers can sweep at once (a claim never waits for another worker),
 * and recording what was handled.
 */
export abstract class ReminderSweepClaim {
  /** Unsent steps of open obligations whose moment has come, oldest first (of one region's dossiers when given). */
  abstract findDueSteps(now: Date, limit: number, regionId?: string): Promise<DueReminderStep[]>;
  /** The obligation, if it is open and no other sweep holds it, held until `tx` ends. */
  abstract claim(tx: Transaction, obligationId: string): Promise<ClaimedObligation | undefined>;
  abstract stepsOf(tx: Transaction, obligationId: string): Promise<StoredReminderStep[]>;
  /** The step went out now (stored if it was not). */
  abstract markSent(tx: Transaction, obligationId: string, step: ReminderStepPlan, at: Date): Promise<void>;
  /** The step is handled without a mail of its own: a later one went, or its rule is gone. */
  abstract markSuperseded(
    tx: Transaction,
    obligationId: string,
    step: ReminderStepPlan,
    at: Date,
  ): Promise<void>;
  abstract recordEscalation(tx: Transaction, obligationId: string, at: Date): Promise<void>;
  /** Adds the next step to wait for; one already there (or sent) with the same key stays as it is. */
  abstract scheduleStep(tx: Transaction, obligationId: string, step: ReminderStepPlan): Promise<void>;
}
