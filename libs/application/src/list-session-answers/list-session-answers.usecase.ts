import { Inject, Injectable } from '@nestjs/common';
import type { ReplyPartstat } from '@overlegtafels/domain';
import { AgendaMailing } from '../ports/agenda-mailing.port';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { CalendarReplies } from '../ports/calendar-replies.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { ofRegion } from '../region-fence/region-fence';

export type AnswerLabel = 'aanvaard' | 'voorlopig' | 'afgemeld' | 'geen antwoord';

const LABELS: Record<ReplyPartstat, AnswerLabel> = {
  ACCEPTED: 'aanvaard',
  TENTATIVE: 'voorlopig',
  DECLINED: 'afgemeld',
};

export interface SessionAnswer {
  /** The person's name, or the address of a guest known by address only. */
  readonly who: string;
  readonly answer: AnswerLabel;
  /** The answer was to an earlier version of the invitation (the session changed since). */
  readonly beforeChange: boolean;
}

/**
 * Per person invited to a session (who holds its invitation), what they answered in their
 * calendar: aanvaard, voorlopig, afgemeld or geen antwoord. For the coordinators' agenda page.
 */
@Injectable()
export class ListSessionAnswersUseCase {
  constructor(
    @Inject(AgendaSessionRepository) private readonly sessions: AgendaSessionRepository,
    @Inject(AgendaMailing) private readonly mailing: AgendaMailing,
    @Inject(CalendarReplies) private readonly replies: CalendarReplies,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(viewer: { regionId: string }, sessionId: string): Promise<SessionAnswer[]> {
    const session = await this.sessions.session(sessionId);
    if (!ofRegion(viewer, session)) return [];
    const invited = await this.unitOfWork.run((tx) =>
      this.mailing.entryHolders(tx, { sessionId: session.id }),
    );
    const answers = await this.replies.answersFor(session.id);
    return invited
      .map((person) => {
        const found = answers.find((a) => a.email.toLowerCase() === person.email.trim().toLowerCase());
        return {
          who: person.name || person.email,
          answer: found ? LABELS[found.partstat] : ('geen antwoord' as const),
          beforeChange: !!found && found.sequence < session.icsSequence,
        };
      })
      .sort((a, b) => a.who.localeCompare(b.who, 'nl'));
  }
}
