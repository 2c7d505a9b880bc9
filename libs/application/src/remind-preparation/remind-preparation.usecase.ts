import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@overlegtafels/config';
import { dossierCode, emailAddress, label, MailComposer, webLink } from '@overlegtafels/mail';
import { AgendaRefusal } from '../errors';
import { PreparationAccess, PreparationGate } from '../preparation/preparation-gate';
import { expectedPartners } from '../preparation/preparation-views';
import { ItemPreparationRepository } from '../ports/item-preparation.port';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { type Transaction, UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { RemindPreparationCommand } from './remind-preparation.command';

/** The ledger's scope of a reminder's one-time key. */
export const PREPARATION_REMIND_SCOPE = 'preparation-remind';

export interface RemindPreparationResult {
  readonly sessionId: string;
  readonly dossierCode: string;
  readonly reminded: { organisationId: string; organisationName: string; recipients: number }[];
}

/**
 * A coordinator of the table reminds the partners that have not prepared an item yet: each of
 * their members at the table gets a mail with the session and the dossier code, nothing of the
 * case (that is behind login). Written to the outbox in the transaction that audits it; one
 * reminder per person, item and day, however often the button is pressed; with the form's key (or
 * an Idempotency-Key) a repeat answers the first result and audits nothing more.
 */
@Injectable()
export class RemindPreparationUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PreparationGate) private readonly gate: PreparationGate,
    @Inject(ItemPreparationRepository) private readonly preparations: ItemPreparationRepository,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
    @Inject(SubmittedOnce) private readonly once: Pick<SubmittedOnce, 'run'>,
  ) {}

  async execute({
    actor,
    itemId,
    organisationIds,
    submissionKey,
  }: RemindPreparationCommand): Promise<RemindPreparationResult> {
    const access = await this.gate.open(actor, itemId, 'preparation.remind');
    this.gate.requireCoordinator(access);
    const now = this.clock.now();
    const window = this.gate.window(access, now);
    if (!window.open) throw new AgendaRefusal(window.code, window.message, undefined, 'conflict');
    const mails: QueuedMail[] = [];
    const result = await this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: PREPARATION_REMIND_SCOPE,
          ...(submissionKey && { key: submissionKey }),
          content: { itemId, organisationIds },
          at: now,
        },
        () => this.remindWithin(tx, actor, access, now, mails, organisationIds),
      );
      return once.result;
    });
    await this.outbox.enqueue(mails);
    return result;
  }

  private async remindWithin(
    tx: Transaction,
    actor: RemindPreparationCommand['actor'],
    access: PreparationAccess,
    now: Date,
    mails: QueuedMail[],
    organisationIds: readonly string[] | undefined,
  ): Promise<RemindPreparationResult> {
    const { item, table } = access;
    const prepared = new Set(
      (await this.preparations.entriesOf([item.itemId], tx)).map((e) => e.organisationId),
    );
    const partners = expectedPartners(table, await this.preparations.partners(actor.regionId, table.key, tx));
    const unknown = organisationIds?.find((id) => !partners.some((p) => p.organisationId === id));
    if (unknown) {
      throw new AgendaRefusal(
        'NOT_A_PARTNER',
        'Deze organisatie zit niet aan deze tafel.',
        'organisationIds',
        'unprocessable',
      );
    }
    const toRemind = partners.filter(
      (p) =>
        !prepared.has(p.organisationId) && (!organisationIds || organisationIds.includes(p.organisationId)),
    );
    const day = DateTime.fromJSDate(now, { zone: table.timeZone }).toISODate();
    const session = {
      table: label(table.name),
      start: DateTime.fromJSDate(item.session.startsAt, { zone: table.timeZone }),
    };
    const link = webLink(`${this.config.publicUrl}/voorbereiding/${item.itemId}`);
    for (const partner of toRemind) {
      for (const member of partner.members) {
        const rendered = await this.composer.preparationReminder({
          recipient: { address: emailAddress(member.email), name: member.displayName },
          dossier: dossierCode(item.dossierCode),
          session,
          link,
        });
        mails.push(
          await this.outbox.write(tx, rendered, {
            key: `preparation-reminder|${item.itemId}|${member.personId}|${day}`,
            purpose: 'preparation-reminder',
            recipientEmail: member.email,
            recipientPersonId: member.personId,
            sessionId: item.session.id,
            agendaItemId: item.itemId,
            dossierId: item.dossierId,
          }),
        );
      }
    }
    await this.gate.audited(
      actor,
      item,
      'preparation.remind',
      'allowed',
      {
        organisations: toRemind.length,
        recipients: toRemind.reduce((n, p) => n + p.members.length, 0),
      },
      now,
      tx,
    );
    return {
      sessionId: item.session.id,
      dossierCode: item.dossierCode,
      reminded: toRemind.map((p) => ({
        organisationId: p.organisationId,
        organisationName: p.organisationName,
        recipients: p.members.length,
      })),
    };
  }
}
