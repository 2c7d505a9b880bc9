import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@overlegtafels/auth';
import { checkMinutesReopen } from '@overlegtafels/domain';
import { MinutesAccess } from '../minutes/minutes-access';
import { SessionMinutesRepository } from '../ports/session-minutes.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import type { ReopenMinutesCommand } from './reopen-minutes.command';
import { SubmittedOnce } from '../submissions/submitted-once';

/** The ledger's scope of reopening a verslag's one-time key. */
export const MINUTES_REOPEN_SCOPE = 'minutes-reopen';

/**
 * A correction to a closed verslag: the voorzitter or a coordinator reopens it with a reason; the
 * verslaggever corrects and it is closed again (and the participants told again). The reason
 * stays with the verslag; the audit log records that it was reopened, by whom and when.
 */
@Injectable()
export class ReopenMinutesUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(MinutesAccess) private readonly access: MinutesAccess,
    @Inject(SessionMinutesRepository) private readonly minutes: SessionMinutesRepository,
    @Inject(SubmittedOnce) private readonly once: SubmittedOnce,
  ) {}

  async execute(principal: Principal, command: ReopenMinutesCommand): Promise<{ sessionId: string }> {
    const action = 'minutes.reopen';
    const ctx = await this.access.open(principal, command.sessionId, action, command.route);
    return this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: principal.personId,
          scope: MINUTES_REOPEN_SCOPE,
          key: command.submissionKey,
          content: { sessionId: ctx.session.id, reason: command.reason },
          at: this.access.now(),
        },
        async () => {
          const state = await this.access.lock(tx, principal, ctx, checkMinutesReopen, action, command.route);
          await this.minutes.reopen(
            tx,
            ctx.session.id,
            principal.personId,
            this.access.now(),
            command.reason,
          );
          await this.access.record(
            principal,
            action,
            command.route,
            ctx.session.id,
            'allowed',
            { closings: state.closings },
            tx,
          );
          return { sessionId: ctx.session.id };
        },
      );
      return once.result;
    });
  }
}
