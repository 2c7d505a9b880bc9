import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@overlegtafels/auth';
import { checkMinutesEdit } from '@overlegtafels/domain';
import { AgendaRefusal } from '../errors';
import { MinutesAccess } from '../minutes/minutes-access';
import { SessionMinutesRepository } from '../ports/session-minutes.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import type { WriteItemMinutesCommand } from './write-item-minutes.command';
import { SubmittedOnce } from '../submissions/submitted-once';

/** The ledger's scope of an item's verslag form's one-time key. */
export const ITEM_MINUTES_SCOPE = 'minutes-item-write';

/**
 * The verslag of one agendapunt, written by the verslaggever (or the voorzitter, a coordinator)
 * during or after the session, until the verslag is closed. The audit log gets ids and the
 * length, never the text. With the form's key (or an Idempotency-Key) a repeat answers as the
 * first and writes and audits nothing.
 */
@Injectable()
export class WriteItemMinutesUseCase {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(MinutesAccess) private readonly access: MinutesAccess,
    @Inject(SessionMinutesRepository) private readonly minutes: SessionMinutesRepository,
    @Inject(SubmittedOnce) private readonly once: Pick<SubmittedOnce, 'run'>,
  ) {}

  async execute(principal: Principal, command: WriteItemMinutesCommand): Promise<{ itemId: string }> {
    const action = 'minutes.item-write';
    const ctx = await this.access.open(principal, command.sessionId, action, command.route);
    const { route: _route, submissionKey, ...content } = command;
    return this.uow.run(async (tx) => {
      const once = await this.once.run(
        tx,
        {
          actorPersonId: principal.personId,
          scope: ITEM_MINUTES_SCOPE,
          ...(submissionKey && { key: submissionKey }),
          content,
          at: this.access.now(),
        },
        async (): Promise<{ itemId: string }> => {
          await this.access.lock(tx, principal, ctx, checkMinutesEdit, action, command.route);
          const item = (await this.minutes.itemsOf(tx, ctx.session.id)).find((i) => i.id === command.itemId);
          if (!item)
            throw new AgendaRefusal(
              'ITEM_NOT_FOUND',
              'Agendapunt niet gevonden op deze zitting.',
              undefined,
              'not_found',
            );
          await this.minutes.saveItemMinutes(
            tx,
            item.id,
            { text: command.text, guestsPresent: item.guestsPresent },
            principal.personId,
            this.access.now(),
          );
          await this.access.record(
            principal,
            action,
            command.route,
            ctx.session.id,
            'allowed',
            { code: item.dossierCode, itemId: item.id, length: command.text.length },
            tx,
            item.dossierId,
          );
          return { itemId: item.id };
        },
      );
      return once.result;
    });
  }
}
