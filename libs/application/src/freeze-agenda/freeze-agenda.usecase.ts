import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { AgendaMailDispatcher } from '../agenda-mailing/agenda-mail.dispatcher';
import { AuditLog } from '../ports/audit-log.port';
import { AgendaRefusal } from '../errors';
import { FreezeSessionUseCase } from '../freeze-session/freeze-session.usecase';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import type { PendingMail } from '../ports/mail-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { FreezeAgendaCommand } from './freeze-agenda.command';

/** The ledger's scope of a "definitief maken" one-time key. */
export const SESSION_FREEZE_SCOPE = 'session-freeze';

/** What a freeze now answers, also to a repeat of its key. */
export interface FreezeAgendaResult {
  readonly frozen: true;
}

/**
 * Fixes the agenda now: the freeze the job would do at the freeze moment (slot confirmations go
 * out). Only a provisional agenda can be frozen; a refusal is audited as denied. The reason is
 * audited by its length only: it may name a family. One press freezes once: with the form's key
 * (or an Idempotency-Key) a repeat answers as the first, without a refusal, a mail or an audit event.
 */
@Injectable()
export class FreezeAgendaUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CoordinatorChange) private readonly change: Pick<CoordinatorChange, 'sessionFor'>,
    @Inject(FreezeSessionUseCase) private readonly freezer: Pick<FreezeSessionUseCase, 'freezeWithin'>,
    @Inject(AgendaMailDispatcher) private readonly dispatcher: Pick<AgendaMailDispatcher, 'enqueue'>,
    @Inject(SubmittedOnce) private readonly once: Pick<SubmittedOnce, 'run'>,
    @Inject(AuditLog) private readonly audit: Pick<AuditLog, 'append'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    actor,
    sessionId,
    reason,
    submissionKey,
  }: FreezeAgendaCommand): Promise<FreezeAgendaResult> {
    const session = await this.change.sessionFor(actor, sessionId, 'session.freeze');
    const now = this.clock.now();
    const audited = (outcome: 'allowed' | 'denied', result: string) => ({
      actorPersonId: actor.personId,
      action: 'session.freeze',
      entityType: 'session',
      entityId: sessionId,
      outcome,
      route: actor.route,
      details: { tableKey: session.tableKey, result, reason: reason.length },
    });
    let mails: PendingMail[] = [];
    let refused: string | undefined;
    try {
      const { result, repeated } = await this.uow.run((tx) =>
        this.once.run(
          tx,
          {
            actorPersonId: actor.personId,
            scope: SESSION_FREEZE_SCOPE,
            ...(submissionKey && { key: submissionKey }),
            content: { sessionId, reason },
            at: now,
          },
          async (): Promise<FreezeAgendaResult> => {
            const done = await this.freezer.freezeWithin(tx, sessionId);
            if (done.outcome !== 'frozen') {
              refused = done.outcome;
              throw new AgendaRefusal(
                'NOT_PLANNED',
                'Enkel een agenda in voorbereiding kan definitief gemaakt worden.',
                undefined,
                'conflict',
              );
            }
            mails = done.mails;
            await this.audit.append(audited('allowed', 'frozen'), now, tx);
            return { frozen: true };
          },
        ),
      );
      if (!repeated) await this.dispatcher.enqueue(mails);
      return result;
    } catch (error) {
      // The refusal rolled the transaction back; its audit is written on its own.
      const code = refused ?? (error instanceof AgendaRefusal ? error.code : 'ERROR');
      await this.audit.append(audited('denied', code), now);
      throw error;
    }
  }
}
