import { Inject, Injectable } from '@nestjs/common';
import { AgendaSessionRepository } from '../ports/agenda-session.repository.port';
import { ofRegion } from '../region-fence/region-fence';
import { AnswerLabel, SessionAnswers } from './session-answers.service';

export type { AnswerLabel } from './session-answers.service';

export interface SessionAnswer {
  /** The person's name, or the address of a guest known by address only. */
  readonly who: string;
  readonly answer: AnswerLabel;
  /** The answer was to an earlier version of the invitation (the session changed since). */
  readonly beforeChange: boolean;
  /** For a guest's invitation to their own slot: that agendapunt's dossier code; null for the session's. */
  readonly slot: string | null;
}

/**
 * Per person invited to a session (who holds its invitation, or a guest's for their slot on it),
 * what they answered in their calendar: aanvaard, voorlopig, afgemeld or geen antwoord. For the
 * coordinators' agenda page; the session's own invitations first, then the slots in agenda order.
 */
@Injectable()
export class ListSessionAnswersUseCase {
  constructor(
    @Inject(AgendaSessionRepository) private readonly sessions: AgendaSessionRepository,
    @Inject(SessionAnswers) private readonly answers: SessionAnswers,
  ) {}

  async execute(viewer: { regionId: string }, sessionId: string): Promise<SessionAnswer[]> {
    const session = await this.sessions.session(sessionId);
    if (!ofRegion(viewer, session)) return [];
    const all = await this.answers.of(session.id);
    const rows = (slot: boolean) =>
      all
        .filter((a) => (a.agendaItemId !== null) === slot)
        .map((a) => ({ who: a.who, answer: a.answer, beforeChange: a.beforeChange, slot: a.dossierCode }));
    return [...rows(false).sort((a, b) => a.who.localeCompare(b.who, 'nl')), ...rows(true)];
  }
}
