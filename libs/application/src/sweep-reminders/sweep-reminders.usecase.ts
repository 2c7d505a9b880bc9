import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock, CLOCK } from '@overlegtafels/config';
import { dueSteps, ReminderStep, reminderSteps } from '@overlegtafels/domain';
import { MAIL_IDENTITY, MailIdentity, messageIdFor, toOutboxContent } from '@overlegtafels/mail';
import { MailJobQueue } from '../ports/mail-job-queue.port';
import { MailOutbox } from '../ports/mail-outbox.port';
import { ReminderSweepClaim } from '../ports/reminder-sweep.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { ObligationRules } from '../obligations/obligation-rules';
import { loggableError } from '../runtime/loggable-error';
import { reminderIdempotencyKey, ReminderMail } from './reminder-mail';
import type { SweepRemindersCommand, SweepResult } from './sweep-reminders.command';

/** The steps one obligation should send now, as the sweep found them (before claiming it). */
export interface DueObligation {
  readonly obligationId: string;
  readonly steps: readonly ReminderStep[];
}

export interface DispatchResult {
  readonly steps: number;
  readonly mails: number;
  readonly superseded: number;
}

const DEFAULT_BATCH = 500;
const NOTHING: DispatchResult = { steps: 0, mails: 0, superseded: 0 };

/**
 * Sends the follow-up reminders and escalations whose moment has come. It only finds due steps
 * and turns each into outbox rows and mail jobs: the step is marked handled in the same
 * transaction as its outbox rows, the rows' idempotency keys (and so the job ids) are obligation
 * + step + recipient, and each obligation is claimed without waiting for another worker, so two
 * workers, a restart or a sweep that runs twice never send a step twice. A step that fell due
 * while no worker ran is found on the next sweep; per kind only the latest due step goes out
 * (dueSteps), the earlier ones are marked superseded.
 */
@Injectable()
export class SweepRemindersUseCase {
  private readonly logger = new Logger(SweepRemindersUseCase.name);

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ReminderSweepClaim) private readonly claims: ReminderSweepClaim,
    @Inject(MailOutbox) private readonly outbox: Pick<MailOutbox, 'add'>,
    @Inject(MailJobQueue) private readonly mail: Pick<MailJobQueue, 'enqueueMany'>,
    @Inject(ReminderMail) private readonly mails: ReminderMail,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(MAIL_IDENTITY) private readonly identity: MailIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SweepRemindersCommand = {}): Promise<SweepResult> {
    const batch = command.batch ?? DEFAULT_BATCH;
    const now = this.clock.now();
    const totals = { obligations: 0, steps: 0, mails: 0, superseded: 0, failed: 0 };
    const seen = new Set<string>();
    for (;;) {
      const due = (await this.findDue(now, batch, command.regionId)).filter((d) => !seen.has(d.obligationId));
      if (due.length === 0) break;
      for (const d of due) {
        seen.add(d.obligationId);
        let r: DispatchResult;
        try {
          r = await this.dispatch(d.obligationId, now);
        } catch (error) {
          // One obligation that cannot be sent (a bad address, a configuration error) must not
          // hold back the others; it is tried again on the next sweep.
          totals.failed++;
          this.logger.error(`obligation ${d.obligationId}: reminder not sent: ${loggableError(error)}`);
          continue;
        }
        if (r.steps > 0) totals.obligations++;
        totals.steps += r.steps;
        totals.mails += r.mails;
        totals.superseded += r.superseded;
      }
    }
    if (totals.steps > 0 || totals.superseded > 0 || totals.failed > 0) {
      this.logger.log(
        `reminders: ${totals.steps} steps, ${totals.mails} mails for ${totals.obligations} obligations` +
          (totals.superseded ? `, ${totals.superseded} superseded` : '') +
          (totals.failed ? `, ${totals.failed} failed` : ''),
      );
    }
    return totals;
  }

  /**
   * The finding half of a sweep, without claims or writes: the due steps of at most `limit` due
   * reminder rows, grouped per obligation, as dueSteps chooses them. Dispatch checks again under
   * the claim before anything is sent.
   */
  async findDue(now: Date, limit = DEFAULT_BATCH, regionId?: string): Promise<DueObligation[]> {
    const rows = await this.claims.findDueSteps(now, limit, regionId);
    const byObligation = new Map<string, { ruleKey: string; dueAtMs: number }>();
    for (const r of rows) {
      if (!byObligation.has(r.obligationId)) {
        byObligation.set(r.obligationId, { ruleKey: r.ruleKey, dueAtMs: r.dueAt.getTime() });
      }
    }
    const nowMs = now.getTime();
    // What is due depends on the rule and the due moment only, and due moments cluster (every
    // dossier going to one session shares its deadline): computed once per pair, not per row.
    const byRuleAndDue = new Map<string, ReminderStep[]>();
    const out: DueObligation[] = [];
    for (const [obligationId, o] of byObligation) {
      const rule = this.rules.rule(o.ruleKey);
      if (!rule) {
        out.push({ obligationId, steps: [] });
        continue;
      }
      const key = `${o.ruleKey}|${o.dueAtMs}`;
      let template = byRuleAndDue.get(key);
      if (!template) {
        // Only what can be due now: escalations up to now, not a year of them.
        template = dueSteps(
          reminderSteps({ key, dueAtMs: o.dueAtMs, status: 'open' }, rule, this.rules.timeZone, {
            untilMs: nowMs,
          }),
          [],
          nowMs,
        );
        byRuleAndDue.set(key, template);
      }
      out.push({ obligationId, steps: template.map((s) => ({ ...s, obligationKey: obligationId })) });
    }
    return out;
  }

  /** Sends what one obligation has due, under its claim; nothing when another worker holds it. */
  async dispatch(obligationId: string, now: Date): Promise<DispatchResult> {
    const queued: { outboxId: string; idempotencyKey: string }[] = [];
    const counts = await this.uow.run(async (tx) => {
      const o = await this.claims.claim(tx, obligationId);
      if (!o) return NOTHING;
      const stored = await this.claims.stepsOf(tx, o.id);
      const nowMs = now.getTime();
      const unsentDue = stored.filter((s) => s.enqueuedAt === null && s.sendAt.getTime() <= nowMs);
      if (unsentDue.length === 0) return NOTHING;
      const rule = this.rules.rule(o.ruleKey);
      if (!rule) {
        // A rule taken out of the region's configuration: nothing left to say about it.
        for (const s of unsentDue) await this.claims.markSuperseded(tx, o.id, s, now);
        this.logger.warn(
          `obligation ${o.id}: rule ${o.ruleKey} is not configured; ${unsentDue.length} steps dropped`,
        );
        return { ...NOTHING, superseded: unsentDue.length };
      }
      // Up to now and the next escalation after it (weekly, or whatever the rule says).
      const horizon = nowMs + ((rule.escalation?.repeatEveryDays ?? 0) + 7) * 86_400_000;
      const all = reminderSteps(
        { key: o.id, dueAtMs: o.dueAt.getTime(), status: 'open' },
        rule,
        this.rules.timeZone,
        {
          untilMs: horizon,
        },
      );
      const handled = stored.filter((s) => s.enqueuedAt !== null).map((s) => s.stepKey);
      const toSend = dueSteps(all, handled, nowMs);
      // Who directs the dossier: read once for every step and recipient of this obligation.
      const owner = await this.mails.ownerOf(tx, o);
      let mails = 0;
      for (const step of toSend) {
        const recipients = await this.mails.recipientsOf(tx, o, rule, step, owner);
        for (const r of recipients) {
          const idempotencyKey = reminderIdempotencyKey(o.id, step.stepKey, r.personId);
          const rendered = await this.mails.render(o, rule, step, r, owner, now);
          const { id, created } = await this.outbox.add(
            {
              idempotencyKey,
              purpose: step.kind === 'reminder' ? 'obligation-reminder' : 'obligation-escalation',
              templateKey: step.kind,
              recipientEmail: r.email,
              recipientPersonId: r.personId,
              dossierId: o.dossierId,
              messageId: messageIdFor(this.identity.uidHost, randomUUID()),
              ...toOutboxContent(rendered),
              payload: { obligationId: o.id, stepKey: step.stepKey, dossierId: o.dossierId },
            },
            tx,
          );
          if (created) mails++;
          queued.push({ outboxId: id, idempotencyKey });
        }
        if (recipients.length === 0)
          this.logger.warn(`obligation ${o.id} step ${step.stepKey}: nobody to send it to`);
        await this.claims.markSent(tx, o.id, { stepKey: step.stepKey, sendAt: new Date(step.sendAtMs) }, now);
        if (step.kind === 'escalation') await this.claims.recordEscalation(tx, o.id, now);
      }
      const sentKeys = new Set(toSend.map((s) => s.stepKey));
      let superseded = 0;
      for (const s of unsentDue) {
        if (sentKeys.has(s.stepKey)) continue;
        await this.claims.markSuperseded(tx, o.id, s, now);
        superseded++;
      }
      // The next weekly escalation, once the one before is handled: one row ahead, never a year of them.
      const storedKeys = new Set(stored.map((s) => s.stepKey));
      const pendingEscalation = stored.some(
        (s) => s.enqueuedAt === null && s.sendAt.getTime() > nowMs && s.stepKey.startsWith('escalation-'),
      );
      const next = all.find((s) => s.kind === 'escalation' && s.sendAtMs > nowMs);
      if (next && !pendingEscalation && !storedKeys.has(next.stepKey)) {
        await this.claims.scheduleStep(tx, o.id, { stepKey: next.stepKey, sendAt: new Date(next.sendAtMs) });
      }
      return { steps: toSend.length, mails, superseded };
    });
    // After the commit: a job for a row that does not exist yet would find nothing to send. If the
    // process dies here, the outbox relay enqueues the pending rows (same job ids).
    await this.mail.enqueueMany(queued);
    return counts;
  }
}
