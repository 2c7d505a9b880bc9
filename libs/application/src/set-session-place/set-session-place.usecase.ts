import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@overlegtafels/config';
import { effectiveMeetingPlace, isCancelled, isHeld, meetingPlaceChanged } from '@overlegtafels/domain';
import { AGENDA_NOTIFIER, AgendaNotifier } from '../agenda/agenda-notifier';
import { AgendaService } from '../agenda/agenda.service';
import { CoordinatorChange } from '../coordinator/coordinator-change';
import { AgendaRefusal } from '../errors';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { SetSessionPlaceCommand } from './set-session-place.command';

/** The ledger's scope of a session place's one-time key. */
export const SESSION_PLACE_SCOPE = 'session-place';

/**
 * A coordinator sets where one session takes place and its online link, instead of the table's
 * (issue #15). What equals the table's is stored as "the table's", so a later change of the
 * configuration reaches it. A real change is one every calendar must show: whoever holds the
 * session's or a slot's invitation gets it again with the next SEQUENCE, the feed follows.
 */
@Injectable()
export class SetSessionPlaceUseCase {
  constructor(
    @Inject(CoordinatorChange) private readonly change: CoordinatorChange,
    @Inject(AgendaService) private readonly agenda: Pick<AgendaService, 'table'>,
    @Inject(AgendaSessionRepository)
    private readonly sessions: Pick<AgendaSessionRepository, 'session' | 'setPlace'>,
    @Inject(AGENDA_NOTIFIER) private readonly notifier: Pick<AgendaNotifier, 'sessionPlaceChanged'>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({
    actor,
    sessionId,
    location,
    onlineMeetingUrl,
    submissionKey,
  }: SetSessionPlaceCommand): Promise<void> {
    const session = await this.change.sessionFor(actor, sessionId, 'session.place');
    const table = this.agenda.table(session.tableKey).meetingPlace;
    if (isCancelled(session) || isHeld(session) || session.endsAt <= this.clock.now()) {
      throw new AgendaRefusal(
        'SESSION_NOT_OPEN',
        'De locatie van een geannuleerde of gehouden zitting kan niet meer wijzigen.',
        undefined,
        'conflict',
      );
    }
    const stored = {
      location: location === '' || location === table?.location ? null : location,
      onlineMeetingUrl:
        onlineMeetingUrl === (table?.onlineMeetingUrl ?? '')
          ? null
          : onlineMeetingUrl === ''
            ? ''
            : onlineMeetingUrl,
    };
    await this.change.run(
      {
        actor,
        tableKey: session.tableKey,
        action: 'session.place',
        // Not the place itself: the audit says what changed, the session row holds it.
        details: { sessionId, ownLocation: stored.location !== null, online: onlineMeetingUrl !== '' },
        once: {
          scope: SESSION_PLACE_SCOPE,
          key: submissionKey,
          content: { sessionId, location, onlineMeetingUrl },
        },
      },
      async (tx) => {
        const before = (await this.sessions.session(sessionId, tx))!;
        const was = effectiveMeetingPlace(table, {
          location: before.location ?? null,
          onlineMeetingUrl: before.onlineMeetingUrl ?? null,
        });
        await this.sessions.setPlace(tx, sessionId, stored);
        const now = effectiveMeetingPlace(table, stored);
        const notified = meetingPlaceChanged(was, now)
          ? await this.notifier.sessionPlaceChanged(tx, sessionId)
          : [];
        return { moves: [], notified, movesNotified: true };
      },
    );
  }
}
