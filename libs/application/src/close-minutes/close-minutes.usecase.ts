import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Principal } from '@overlegtafels/auth';
import { APP_CONFIG, AppConfig } from '@overlegtafels/config';
import { checkMinutesClose } from '@overlegtafels/domain';
import { emailAddress, label, MailComposer, webLink } from '@overlegtafels/mail';
import { MinutesAccess } from '../minutes/minutes-access';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { SessionMinutesRepository } from '../ports/session-minutes.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import type { CloseMinutesCommand } from './close-minutes.command';
import { SubmittedOnce } from '../submissions/submitted-once';

export interface CloseMinutesResult {
  readonly sessionId: string;
  /** How many participants were told it is ready. */
  readonly told: number;
}

/** The ledger's scope of closing a verslag's one-time key. */
export const MINUTES_CLOSE_SCOPE = 'minutes-close';

/**
 * After the session the voorzitter or a coordinator closes the verslag: no more edits (a
 * correction reopens it, with a reason). In the same transaction everyone who took part — the
 * table's members and coordinators, the items' casusregisseurs, aanmelders and guests with an
 * account — gets a mail that it is ready: the table and the date only, the verslag itself is read
 * after login, each reader the parts about the items they may see.
 */
@Injectable()
export class CloseMinutesUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(MinutesAccess) private readonly access: MinutesAccess,
    @Inject(SessionMinutesRepository) private readonly minutes: SessionMinutesRepository,
    @Inject(MailComposer) private readonly composer: MailComposer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute(principal: Principal, command: CloseMinutesCommand): Promise<CloseMinutesResult> {
    const action = 'minutes.close';
    const ctx = await this.access.open(principal, command.sessionId, action, command.route);
    const mails: QueuedMail[] = [];
    const result = await this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: principal.personId,
          scope: MINUTES_CLOSE_SCOPE,
          key: command.submissionKey,
          content: { sessionId: ctx.session.id },
          at: this.access.now(),
        },
        async () => {
          await this.access.lock(tx, principal, ctx, checkMinutesClose, action, command.route);
          const closed = await this.minutes.close(tx, ctx.session.id, principal.personId, this.access.now());
          const recipients = await this.minutes.participantsOf(tx, ctx.session.id);
          const link = webLink(`${this.config.publicUrl}/verslag/${ctx.session.id}`);
          const date = DateTime.fromJSDate(ctx.session.startsAt, { zone: ctx.table.timeZone });
          for (const r of recipients) {
            const rendered = await this.composer.minutesReady({
              recipient: { address: emailAddress(r.email), name: r.displayName },
              table: label(ctx.table.name),
              date,
              link,
            });
            mails.push(
              await this.outbox.write(tx, rendered, {
                key: `minutes-ready|${ctx.session.id}|${closed.closings}|${r.personId}`,
                purpose: 'minutes-ready',
                recipientEmail: r.email,
                recipientPersonId: r.personId,
                sessionId: ctx.session.id,
              }),
            );
          }
          await this.access.record(
            principal,
            action,
            command.route,
            ctx.session.id,
            'allowed',
            {
              closings: closed.closings,
              told: recipients.length,
            },
            tx,
          );
          return { sessionId: ctx.session.id, told: recipients.length };
        },
      );
      return once.result;
    });
    await this.outbox.enqueue(mails);
    return result;
  }
}
