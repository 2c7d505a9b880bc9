import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, Clock, CLOCK } from '@overlegtafels/config';
import { dueSteps, ObligationRule, reminderJobId, ReminderStep, reminderSteps } from '@overlegtafels/domain';
import {
  dossierCode,
  emailAddress,
  MAIL_IDENTITY,
  MailComposer,
  MailIdentity,
  messageIdFor,
  RenderedMail,
  toOutboxContent,
  webLink,
} from '@overlegtafels/mail';
import {
  LockedObligationRow,
  MailRecipientRow,
  ObligationRepository,
  OutboxRepository,
  Transaction,
} from '@overlegtafels/persistence';
import { MailProducer } from '@overlegtafels/queues';
import { ObligationSyncService } from './obligation-sync.service';
import { loggableError } from '../runtime/loggable-error';

/** The steps one obligation should send now, as the sweep found them (before taking its lock). */
export interface DueObligation {
  readonly obligationId: string;
  readonly steps: readonly ReminderStep[];
}

export interface SweepResult {
  /** Obligations that sent at least one mail. */
  readonly obligations: number;
  /** Steps sent (one step can be several mails: every coordinator of a table). */
  readonly steps: number;
  readonly mails: number;
  /** Due steps handled without a mail of their own because a later one of the same kind went. */
  readonly superseded: number;
  /** Obligations whose due steps could not be handled this time (logged; tried again next sweep). */
  readonly failed: number;
}

const DEFAULT_BATCH = 500;

/** The outbox key of one step to one person; the mail job id is the same string. */
export function reminderIdempotencyKey(obligationId: string, stepKey: string, personId: string): string {
  return `obligation-step|${reminderJobId(obligationId, stepKey)}|${personId}`;
}

/**
 * Sends the follow-up reminders and escalations whose moment has come. It only finds due steps
 * and turns each into outbox rows and mail jobs: the step is marked handled in the same
 * transaction as its outbox rows, the rows' idempotency keys (and so the job ids) are obligation
 * + step + recipient, and each obligation is locked with SKIP LOCKED, so two workers, a restart
 * or a sweep that runs twice never send a step twice. A step that fell due while no worker ran is
 * found on the next sweep; per kind only the latest due step goes out (dueSteps), the earlier
 * ones are marked superseded.
 */
@Injectable()
export class ReminderSweepService {
  private readonly logger = new Logger(ReminderSweepService.name);

  constructor(
    @Inject(ObligationRepository) private readonly repo: ObligationRepository,
    @Inject(ObligationSyncService) private readonly obligations: ObligationSyncService,
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(MailProducer) private readonly mail: MailProducer,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MAIL_IDENTITY) private readonly identity: MailIdentity,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sweep(batch = DEFAULT_BATCH): Promise<SweepResult> {
    const now = this.clock.now();
    const totals = { obligations: 0, steps: 0, mails: 0, superseded: 0, failed: 0 };
    const seen = new Set<string>();
    for (;;) {
      const due = (await this.findDue(now, batch)).filter((d) => !seen.has(d.obligationId));
      if (due.length === 0) break;
      for (const d of due) {
        seen.add(d.obligationId);
        let r: { steps: number; mails: number; superseded: number };
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
   * The finding half of a sweep, without locks or writes: the due steps of at most `limit` due
   * reminder rows, grouped per obligation, as dueSteps chooses them. Dispatch checks again under
   * the obligation's lock before anything is sent.
   */
  async findDue(now: Date, limit = DEFAULT_BATCH): Promise<DueObligation[]> {
    const rows = await this.repo.findDueSteps(now, limit);
    const byObligation = new Map<string, { ruleKey: string; dueAtMs: number }>();
    for (const r of rows) {
      if (!byObligation.has(r.obligationId)) {
        byObligation.set(r.obligationId, { ruleKey: r.ruleKey, dueAtMs: r.dueAt.getTime() });
      }
    }
    const zone = this.obligations.region.timeZone;
    const nowMs = now.getTime();
    // What is due depends on the rule and the due moment only, and due moments cluster (every
    // dossier going to one session shares its deadline): computed once per pair, not per row.
    const byRuleAndDue = new Map<string, ReminderStep[]>();
    const out: DueObligation[] = [];
    for (const [obligationId, o] of byObligation) {
      const rule = this.obligations.rule(o.ruleKey);
      if (!rule) {
        out.push({ obligationId, steps: [] });
        continue;
      }
      const key = `${o.ruleKey}|${o.dueAtMs}`;
      let template = byRuleAndDue.get(key);
      if (!template) {
        // Only what can be due now: escalations up to now, not a year of them.
        template = dueSteps(
          reminderSteps({ key, dueAtMs: o.dueAtMs, status: 'open' }, rule, zone, { untilMs: nowMs }),
          [],
          nowMs,
        );
        byRuleAndDue.set(key, template);
      }
      out.push({ obligationId, steps: template.map((s) => ({ ...s, obligationKey: obligationId })) });
    }
    return out;
  }

  /** Sends what one obligation has due, under its lock; nothing when another worker holds it. */
  async dispatch(
    obligationId: string,
    now: Date,
  ): Promise<{ steps: number; mails: number; superseded: number }> {
    const queued: { outboxId: string; key: string }[] = [];
    const counts = await this.repo.transaction(async (tx) => {
      const o = await this.repo.lockOpenObligation(tx, obligationId);
      if (!o) return { steps: 0, mails: 0, superseded: 0 };
      const stored = await this.repo.stepsOf(tx, o.id);
      const nowMs = now.getTime();
      const unsentDue = stored.filter((s) => s.enqueuedAt === null && s.sendAt.getTime() <= nowMs);
      if (unsentDue.length === 0) return { steps: 0, mails: 0, superseded: 0 };
      const rule = this.obligations.rule(o.ruleKey);
      if (!rule) {
        // A rule taken out of the region's configuration: nothing left to say about it.
        for (const s of unsentDue) await this.repo.markStep(tx, o.id, s, now, true);
        this.logger.warn(
          `obligation ${o.id}: rule ${o.ruleKey} is not configured; ${unsentDue.length} steps dropped`,
        );
        return { steps: 0, mails: 0, superseded: unsentDue.length };
      }
      // Up to now and the next escalation after it (weekly, or whatever the rule says).
      const horizon = nowMs + ((rule.escalation?.repeatEveryDays ?? 0) + 7) * 86_400_000;
      const all = reminderSteps(
        { key: o.id, dueAtMs: o.dueAt.getTime(), status: 'open' },
        rule,
        this.obligations.region.timeZone,
        { untilMs: horizon },
      );
      const handled = stored.filter((s) => s.enqueuedAt !== null).map((s) => s.stepKey);
      const toSend = dueSteps(all, handled, nowMs);
      // Who directs the dossier: read once for every step and recipient of this obligation.
      const owner = o.ownerId ? await this.repo.person(tx, o.ownerId) : undefined;
      let mails = 0;
      for (const step of toSend) {
        const recipients = await this.recipientsOf(tx, o, rule, step, owner);
        for (const r of recipients) {
          const key = reminderIdempotencyKey(o.id, step.stepKey, r.personId);
          const rendered = await this.render(o, rule, step, r, owner, now);
          const { id, created } = await this.outbox.add(
            {
              idempotencyKey: key,
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
          queued.push({ outboxId: id, key });
        }
        if (recipients.length === 0) {
          this.logger.warn(`obligation ${o.id} step ${step.stepKey}: nobody to send it to`);
        }
        await this.repo.markStep(
          tx,
          o.id,
          { stepKey: step.stepKey, sendAt: new Date(step.sendAtMs) },
          now,
          false,
        );
        if (step.kind === 'escalation') await this.repo.update(tx, o.id, { lastEscalatedAt: now });
      }
      const sentKeys = new Set(toSend.map((s) => s.stepKey));
      let superseded = 0;
      for (const s of unsentDue) {
        if (sentKeys.has(s.stepKey)) continue;
        await this.repo.markStep(tx, o.id, s, now, true);
        superseded++;
      }
      // The next weekly escalation, once the one before is handled: one row ahead, never a year of them.
      const storedKeys = new Set(stored.map((s) => s.stepKey));
      const pendingEscalation = stored.some(
        (s) => s.enqueuedAt === null && s.sendAt.getTime() > nowMs && s.stepKey.startsWith('escalation-'),
      );
      const next = all.find((s) => s.kind === 'escalation' && s.sendAtMs > nowMs);
      if (next && !pendingEscalation && !storedKeys.has(next.stepKey)) {
        await this.repo.addSteps(tx, o.id, [{ stepKey: next.stepKey, sendAt: new Date(next.sendAtMs) }]);
      }
      return { steps: toSend.length, mails, superseded };
    });
    // After the commit: a job for a row that does not exist yet would find nothing to send. If the
    // process dies here, the outbox relay enqueues the pending rows (same job ids).
    await this.mail.enqueueMany(queued.map((q) => ({ outboxId: q.outboxId, idempotencyKey: q.key })));
    return counts;
  }

  private async recipientsOf(
    tx: Transaction,
    o: LockedObligationRow,
    rule: ObligationRule,
    step: ReminderStep,
    owner: MailRecipientRow | undefined,
  ): Promise<MailRecipientRow[]> {
    if (step.to.role === 'coordinator') return this.repo.coordinatorsOf(tx, o.regionId, step.to.table);
    if (owner) return [owner];
    // Nobody directs the dossier (any more): the coordinators who would hear of it later hear now.
    const table = rule.escalation?.to.role === 'coordinator' ? rule.escalation.to.table : o.tableKey;
    return table ? this.repo.coordinatorsOf(tx, o.regionId, table) : [];
  }

  private async render(
    o: LockedObligationRow,
    rule: ObligationRule,
    step: ReminderStep,
    r: MailRecipientRow,
    owner: MailRecipientRow | undefined,
    now: Date,
  ): Promise<RenderedMail> {
    const zone = this.obligations.region.timeZone;
    const manual = !rule.agendering;
    const base = {
      recipient: { address: emailAddress(r.email), name: r.displayName },
      dossier: dossierCode(o.dossierCode),
      obligation: rule.label,
      due: DateTime.fromJSDate(o.dueAt, { zone }),
      manual,
    };
    if (step.kind === 'reminder') {
      return this.composer.reminder({ ...base, formUrl: webLink(this.actionUrl(o, rule)) });
    }
    return this.composer.escalation({
      ...base,
      formUrl: webLink(`${this.config.publicUrl}/coordinatie`),
      owner: this.ownerName(rule, owner),
      now: DateTime.fromJSDate(now, { zone }),
    });
  }

  /** The agendering form pre-filled for the dossier, table and item type, or the follow-up page. */
  actionUrl(o: { dossierCode: string }, rule: ObligationRule): string {
    if (!rule.agendering) return `${this.config.publicUrl}/opvolging`;
    const q = new URLSearchParams({
      dossier: o.dossierCode,
      tafel: rule.agendering.table,
      type: rule.agendering.itemType,
    });
    return `${this.config.publicUrl}/agendering/nieuw?${q.toString()}`;
  }

  private ownerName(rule: ObligationRule, owner: MailRecipientRow | undefined): string {
    if (rule.owner.role === 'coordinator') {
      const table = this.obligations.region.tables.find(
        (t) => t.key === (rule.owner as { table: string }).table,
      );
      return `de coördinatoren van ${table?.name ?? 'de tafel'}`;
    }
    return owner?.displayName ?? 'niet toegewezen';
  }
}
