import {
  organisationKindLabel,
  OrganisationKinds,
  proposedGuestPresence,
  proposedPartnerAttendance,
} from '@overlegtafels/domain';
import type { AnswerLabel, InvitationAnswer } from '../list-session-answers/session-answers.service';
import type { AttendanceView, MinutesItemView } from './minutes-view';

/** One invitation's answer as the verslag shows it beside the attendance. */
export interface InvitationAnswerView {
  readonly who: string;
  /** The organisation kind's name (Politie, CAW, …), or null for a guest without one. */
  readonly organisation: string | null;
  /** The dossier code of a guest's slot invitation; null for the session's own. */
  readonly slot: string | null;
  readonly answer: AnswerLabel;
  readonly beforeChange: boolean;
}

const viewIn =
  (kinds: OrganisationKinds) =>
  (a: InvitationAnswer): InvitationAnswerView => ({
    who: a.who,
    organisation: a.organisationKind ? organisationKindLabel(kinds, a.organisationKind) : null,
    slot: a.dossierCode,
    answer: a.answer,
    beforeChange: a.beforeChange,
  });

/**
 * The calendar answers beside the verslag's attendance (issue #16): per partner what its invited
 * people answered to the session's invitation and, while nothing is recorded for it, the status
 * those answers propose; per guest of an agendapunt their answer to their slot's invitation and,
 * while the session's attendance was never saved, whether it proposes them present. The
 * verslaggever confirms by saving the form; the answers themselves stay as they were.
 */
export function withAnswers(
  attendance: readonly AttendanceView[],
  items: readonly MinutesItemView[],
  answers: readonly InvitationAnswer[],
  /** Guest id → the guest's address (lower case), from the items as stored. */
  guestEmails: ReadonlyMap<string, string>,
  /** The region's organisation kinds, for the partners' names. */
  kinds: OrganisationKinds,
): {
  attendance: AttendanceView[];
  items: MinutesItemView[];
  invitations: InvitationAnswerView[];
} {
  const view = viewIn(kinds);
  const own = answers.filter((a) => a.agendaItemId === null);
  const nothingSaved = attendance.every((a) => a.status === null);
  return {
    attendance: attendance.map((row) => {
      const ofPartner = own.filter((a) => a.organisationKind === row.participant);
      return {
        ...row,
        answers: ofPartner.map(view),
        proposed: row.status === null ? proposedPartnerAttendance(ofPartner) : null,
      };
    }),
    items: items.map((item) => {
      if (!item.guests) return item;
      const slot = answers.filter((a) => a.agendaItemId === item.id);
      const untouched = nothingSaved && item.guests.every((g) => !g.present);
      return {
        ...item,
        guests: item.guests.map((g) => {
          const email = guestEmails.get(g.id);
          const found = email ? slot.find((a) => a.email.trim().toLowerCase() === email) : undefined;
          return {
            ...g,
            answer: found ? found.answer : null,
            proposed: untouched && proposedGuestPresence(found),
          };
        }),
      };
    }),
    invitations: [...own, ...answers.filter((a) => a.agendaItemId !== null)].map(view),
  };
}
