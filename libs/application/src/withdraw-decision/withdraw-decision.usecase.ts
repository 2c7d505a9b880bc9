import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { MailOutbox, QueuedMail } from '../ports/mail-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { SubmittedOnce } from '../submissions/submitted-once';
import { DecisionWithdrawer } from './decision-withdrawer';
import type { WithdrawalResult, WithdrawDecisionCommand } from './withdraw-decision.command';

/** The ledger's scope of a withdrawal's one-time key. */
export const DECISION_WITHDRAWAL_SCOPE = 'decision-withdrawal';

/**
 * A coordinator withdraws the decision a table recorded on an agendapunt, with a reason: the
 * dossier returns to what it was before, what the decision planned is cancelled and whoever it
 * told is told (DecisionWithdrawer), in one transaction; the mails go out after the commit.
 */
@Injectable()
export class WithdrawDecisionUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(DecisionWithdrawer) private readonly withdrawer: DecisionWithdrawer,
    @Inject(MailOutbox) private readonly outbox: MailOutbox,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor, itemId, reason, submissionKey }: WithdrawDecisionCommand): Promise<WithdrawalResult> {
    let mails: QueuedMail[] = [];
    const result = await this.uow.run(async (tx) => {
      const now = this.clock.now();
      const once = await this.once.run(
        tx,
        {
          actorPersonId: actor.personId,
          scope: DECISION_WITHDRAWAL_SCOPE,
          key: submissionKey,
          content: { itemId, reason },
          at: now,
          resultIdOf: (r: WithdrawalResult) => r.decisionId,
        },
        async (): Promise<WithdrawalResult> => {
          const done = await this.withdrawer.withdraw(tx, { actor, itemId, reason, now, change: 'ingetrokken' });
          mails = done.mails;
          return { decisionId: done.decision.id, dossierCode: done.dossier.code, phase: done.dossier.phase };
        },
      );
      if (once.repeated) mails = [];
      return once.result;
    });
    await this.outbox.enqueue(mails);
    return result;
  }
}
