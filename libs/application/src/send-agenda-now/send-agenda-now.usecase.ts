import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaMailDispatcher } from '../agenda-mailing/agenda-mail.dispatcher';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaRefusal, InputError } from '../errors';
import { AuditLog } from '../ports/audit-log.port';
import type { PendingMail } from '../ports/mail-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SendAgendaUseCase } from '../send-agenda/send-agenda.usecase';
import { SubmittedOnce } from '../submissions/submitted-once';
import { SendAgendaNowCommand } from './send-agenda-now.command';

/** The ledger's scope of a "send now" one-time key. */
export const AGENDA_SEND_SCOPE = 'agenda-send';

/** What a send now answers, also to a repeat of its key. */
export interface SendAgendaNowResult {
  readonly sent: true;
  readonly mails: number;
}

/**
 * A coordinator of the table sends the agenda now (issue #15): what the send moment would do —
 * the agenda with the session's invitation to every standing member, slot invitations to every
 * guest and casusregisseur — freezing first when still open. An agenda without items is sent only
 * once the coordinator confirms the session is kept; otherwise the answer names the confirmation
 * field and nothing changes. One press sends once: the same key answers the first result, and an
 * agenda already sent is refused (409). Audited, allowed or denied; region fenced.
 */
@Injectable()
export class SendAgendaNowUseCase {
  private readonly logger = new Logger(SendAgendaNowUseCase.name);

  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CoordinatorChange) private readonly change: Pick<CoordinatorChange, 'sessionFor'>,
    @Inject(SendAgendaUseCase) private readonly send: Pick<SendAgendaUseCase, 'sendWithin'>,
    @Inject(AgendaMailDispatcher) private readonly dispatcher: Pick<AgendaMailDispatcher, 'enqueue'>,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
    @Inject(AuditLog) private readonly audit: Pick<AuditLog, 'append'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SendAgendaNowCommand): Promise<SendAgendaNowResult> {
    const { actor, sessionId, keepEmpty, submissionKey } = command;
    const session = await this.change.sessionFor(actor, sessionId, 'session.send');
    const now = this.clock.now();
    const details = { tableKey: session.tableKey, keepEmpty };
    let mails: PendingMail[] = [];
    try {
      const { result, repeated } = await this.uow.run((tx) =>
        this.once.run(
          tx,
          {
            actorPersonId: actor.personId,
            scope: AGENDA_SEND_SCOPE,
            ...(submissionKey && { key: submissionKey }),
            content: { sessionId, keepEmpty },
            at: now,
          },
          async (): Promise<SendAgendaNowResult> => {
            const done = await this.send.sendWithin(tx, sessionId, { by: 'coordinator', keepEmpty });
            if (done.outcome === 'confirm-first') {
              throw new InputError([
                {
                  field: 'keepEmpty',
                  code: 'CONFIRM_EMPTY_AGENDA',
                  message:
                    'De agenda is leeg. Bevestig dat de zitting toch doorgaat; anders gaat er niets naar de leden. Wilt u ze niet houden, annuleer de zitting dan.',
                },
              ]);
            }
            if (done.outcome !== 'sent') {
              throw new AgendaRefusal(
                'AGENDA_NOT_SENDABLE',
                'Deze agenda kan niet meer verstuurd worden: ze is al verstuurd, of de zitting is geannuleerd of gehouden.',
                undefined,
                'conflict',
              );
            }
            mails = done.mails;
            await this.audit.append(
              {
                actorPersonId: actor.personId,
                action: 'session.send',
                entityType: 'session',
                entityId: sessionId,
                outcome: 'allowed',
                route: actor.route,
                details: { ...details, mails: done.mails.length },
              },
              now,
              tx,
            );
            return { sent: true, mails: done.mails.length };
          },
        ),
      );
      if (!repeated) {
        await this.dispatcher.enqueue(mails);
        this.logger.log(`agenda of session ${sessionId} sent now by a coordinator (${mails.length} mails)`);
      }
      return result;
    } catch (error) {
      // The refusal rolled the transaction back; its audit is written on its own.
      const code =
        error instanceof InputError
          ? 'CONFIRM_EMPTY_AGENDA'
          : error instanceof AgendaRefusal
            ? error.code
            : 'ERROR';
      await this.audit.append(
        {
          actorPersonId: actor.personId,
          action: 'session.send',
          entityType: 'session',
          entityId: sessionId,
          outcome: 'denied',
          route: actor.route,
          details: { ...details, result: code },
        },
        now,
      );
      throw error;
    }
  }
}
