import type { ReplyPartstat } from '../calendar-reply/itip-reply.parser';
import type { AttendanceStatus } from './session-minutes.policy';

/**
 * What the invited people answered in their calendars before the session, as a proposal for the
 * verslag's attendance. The answer is what was said beforehand; the attendance is what happened,
 * so the verslaggever confirms or changes the proposal, and both stay recorded.
 *
 * A partner is expected present as soon as one of its invited people accepted; it is proposed as
 * excused (afgemeld: verontschuldigd) only when every one of them declined; tentative, no answer
 * or an answer to an earlier version of the invitation (the session moved since) proposes nothing.
 */
export interface AnswerForProposal {
  /** null: no answer to the invitation. */
  readonly partstat: ReplyPartstat | null;
  /** The answer was to an earlier version of the invitation (the session changed since). */
  readonly beforeChange: boolean;
}

export function proposedPartnerAttendance(answers: readonly AnswerForProposal[]): AttendanceStatus | null {
  const current = answers.map((a) => (a.beforeChange ? null : a.partstat));
  if (current.includes('ACCEPTED')) return 'aanwezig';
  if (current.length > 0 && current.every((p) => p === 'DECLINED')) return 'verontschuldigd';
  return null;
}

/** A guest of an agendapunt is proposed as present when they accepted their slot's current invitation. */
export function proposedGuestPresence(answer: AnswerForProposal | undefined): boolean {
  return answer !== undefined && !answer.beforeChange && answer.partstat === 'ACCEPTED';
}
