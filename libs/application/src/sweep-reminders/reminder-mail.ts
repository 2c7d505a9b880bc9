import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { formOf, ObligationRule, reminderJobId, ReminderStep } from '@overlegtafels/domain';
import { dossierCode, emailAddress, MailComposer, RenderedMail, webLink } from '@overlegtafels/mail';
import type { Transaction } from '../ports/unit-of-work.port';
import { ObligationRecipient, PersonDirectory } from '../ports/person-directory.port';
import type { ClaimedObligation } from '../ports/reminder-sweep.port';
import { ObligationRules } from '../obligations/obligation-rules';

/** The outbox key of one step to one person; the mail job id is the same string. */
export function reminderIdempotencyKey(obligationId: string, stepKey: string, personId: string): string {
  return `obligation-step|${reminderJobId(obligationId, stepKey)}|${personId}`;
}

/** Who hears of a reminder step, and what they read: the sweep's mail, without the sweeping. */
@Injectable()
export class ReminderMail {
  constructor(
    @Inject(PersonDirectory) private readonly people: PersonDirectory,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(ObligationRules) private readonly rules: ObligationRules,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  /** Who directs the dossier, if anyone (still) does. */
  ownerOf(tx: Transaction, o: ClaimedObligation): Promise<ObligationRecipient | undefined> {
    return o.ownerId ? this.people.activePerson(tx, o.ownerId) : Promise.resolve(undefined);
  }

  async recipientsOf(
    tx: Transaction,
    o: ClaimedObligation,
    rule: ObligationRule,
    step: ReminderStep,
    owner: ObligationRecipient | undefined,
  ): Promise<ObligationRecipient[]> {
    if (step.to.role === 'coordinator') return this.people.coordinatorsOf(tx, o.regionId, step.to.table);
    if (step.to.role === 'strategisch-coordinator') return this.people.strategicCoordinatorsOf(tx, o.regionId);
    if (owner) return [owner];
    // Nobody directs the dossier (any more): the coordinators who would hear of it later hear now.
    const table = rule.escalation?.to.role === 'coordinator' ? rule.escalation.to.table : o.tableKey;
    return table ? this.people.coordinatorsOf(tx, o.regionId, table) : [];
  }

  async render(
    o: ClaimedObligation,
    rule: ObligationRule,
    step: ReminderStep,
    r: ObligationRecipient,
    owner: ObligationRecipient | undefined,
    now: Date,
  ): Promise<RenderedMail> {
    const zone = this.rules.timeZone;
    const base = {
      recipient: { address: emailAddress(r.email), name: r.displayName },
      dossier: dossierCode(o.dossierCode),
      obligation: rule.label,
      due: DateTime.fromJSDate(o.dueAt, { zone }),
      manual: !rule.agendering,
      form: formOf(rule) !== undefined,
    };
    if (step.kind === 'reminder') {
      return this.composer.reminder({ ...base, formUrl: webLink(this.actionUrl(o, rule)) });
    }
    // The strategic coordinators are escalated to about their own task: its page, not the overview.
    const ownPage = step.to.role === 'strategisch-coordinator';
    return this.composer.escalation({
      ...base,
      formUrl: webLink(ownPage ? this.pageUrl(o) : `${this.config.publicUrl}/coordinatie`),
      owner: this.ownerName(rule, owner),
      now: DateTime.fromJSDate(now, { zone }),
      ownPage,
    });
  }

  /** The obligation's own page, where its form is filled in. */
  pageUrl(o: { id: string }): string {
    return `${this.config.publicUrl}/opvolging/${o.id}`;
  }

  /**
   * The agendering form pre-filled for the dossier, table and item type; the obligation's page for
   * one done by its form; otherwise the follow-up page.
   */
  actionUrl(o: { id: string; dossierCode: string }, rule: ObligationRule): string {
    if (formOf(rule)) return this.pageUrl(o);
    if (!rule.agendering) return `${this.config.publicUrl}/opvolging`;
    const q = new URLSearchParams({
      dossier: o.dossierCode,
      tafel: rule.agendering.table,
      type: rule.agendering.itemType,
    });
    return `${this.config.publicUrl}/agendering/nieuw?${q.toString()}`;
  }

  private ownerName(rule: ObligationRule, owner: ObligationRecipient | undefined): string {
    if (rule.owner.role === 'coordinator') {
      return `de coördinatoren van ${this.rules.tableName(rule.owner.table) ?? 'de tafel'}`;
    }
    if (rule.owner.role === 'strategisch-coordinator') return 'de strategisch coördinatoren';
    return owner?.displayName ?? 'niet toegewezen';
  }
}
