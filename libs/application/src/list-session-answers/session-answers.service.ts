import { Inject, Injectable } from '@nestjs/common';
import type { ReplyPartstat } from '@overlegtafels/domain';
import { AgendaMailing, EntryHolder, MailingItem } from '../ports/agenda-mailing.port';
import { AgendaSessionRepository, SessionRecord } from '../ports/agenda-session.repository.port';
import { AttendanceAnswer, CalendarReplies } from '../ports/calendar-replies.port';
import { UnitOfWork } from '../ports/unit-of-work.port';

export type AnswerLabel = 'aanvaard' | 'voorlopig' | 'afgemeld' | 'geen antwoord';

export const ANSWER_LABELS: Readonly<Record<ReplyPartstat, AnswerLabel>> = {
  ACCEPTED: 'aanvaard',
  TENTATIVE: 'voorlopig',
  DECLINED: 'afgemeld',
};

/** One invitation someone holds for a session (its own, or their slot's on it) and their answer. */
export interface InvitationAnswer {
  readonly email: string;
  readonly personId: string | null;
  /** The person's name, or the address of a guest known by address only. */
  readonly who: string;
  /** The kind of the person's organisation (politie, caw, …); null for a guest without one. */
  readonly organisationKind: string | null;
  /** The agendapunt of a slot invitation; null for the session's own invitation. */
  readonly agendaItemId: string | null;
  /** The slot's dossier code; null for the session's own invitation. */
  readonly dossierCode: string | null;
  readonly partstat: ReplyPartstat | null;
  readonly answer: AnswerLabel;
  /** The answer was to an earlier version of the invitation (it changed since). */
  readonly beforeChange: boolean;
}

/**
 * Who holds an invitation for a session (the outbox is the record: their latest invitation for it
 * was a REQUEST), the session's own and each guest's for their slot on it, with what they last
 * answered in their calendar. Read by the agenda page and the verslag; fenced by their callers.
 */
@Injectable()
export class SessionAnswers {
  constructor(
    @Inject(AgendaSessionRepository) private readonly sessions: AgendaSessionRepository,
    @Inject(AgendaMailing) private readonly mailing: AgendaMailing,
    @Inject(CalendarReplies) private readonly replies: CalendarReplies,
    @Inject(UnitOfWork) private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * The session's invitations and, for the items given (by id; by default the items on its
   * agenda), their slot invitations. Empty for an unknown session.
   */
  async of(sessionId: string, itemIds?: readonly string[]): Promise<InvitationAnswer[]> {
    const answers = await this.replies.answersFor(sessionId);
    return this.unitOfWork.run(async (tx) => {
      const session = await this.sessions.session(sessionId, tx);
      if (!session) return [];
      const items: MailingItem[] = [];
      if (itemIds === undefined) items.push(...(await this.mailing.itemsOn(tx, sessionId)));
      else
        for (const id of itemIds) {
          const item = await this.mailing.item(tx, id);
          if (item) items.push(item);
        }
      const out = (await this.mailing.entryHolders(tx, { sessionId })).map((h) =>
        answerOf(h, session, null, answers),
      );
      for (const item of items) {
        for (const holder of await this.mailing.entryHolders(tx, { agendaItemId: item.id })) {
          out.push(answerOf(holder, session, item, answers));
        }
      }
      return out;
    });
  }
}

function answerOf(
  holder: EntryHolder,
  session: SessionRecord,
  item: MailingItem | null,
  answers: readonly AttendanceAnswer[],
): InvitationAnswer {
  const email = holder.email.trim().toLowerCase();
  const found = answers.find(
    (a) => a.email.toLowerCase() === email && a.agendaItemId === (item ? item.id : null),
  );
  const sequence = item ? item.icsSequence : session.icsSequence;
  return {
    email: holder.email,
    personId: holder.personId,
    who: holder.name || holder.email,
    organisationKind: holder.organisationKind ?? null,
    agendaItemId: item ? item.id : null,
    dossierCode: item ? item.dossierCode : null,
    partstat: found ? found.partstat : null,
    answer: found ? ANSWER_LABELS[found.partstat] : 'geen antwoord',
    beforeChange: !!found && found.sequence < sequence,
  };
}
