import { assertInterval, dutchDate, dutchDateTime } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { sessionSubject } from '../mail-subjects';
import { WebLink } from '../mail-values';
import { SessionInfo, sessionTitle, sessionValues } from './session-parts.util';

export interface EmptyAgendaInput {
  readonly recipient: Recipient;
  readonly session: SessionInfo;
  /** The session's agenda page: "agenda nu versturen" after confirming that the session is kept. */
  readonly agendaUrl: WebLink;
  /** The table's page, where the session is cancelled. */
  readonly cancelUrl: WebLink;
}

/**
 * The agenda's send moment came and it has no items (issue #15): nothing went to the members as
 * a meeting. The table's coordinators are asked to cancel the session or keep it and send the
 * agenda themselves. Table and date only; no calendar part.
 */
export function emptyAgendaMail(identity: MailIdentity, input: EmptyAgendaInput): MailParts {
  const { session } = input;
  assertInterval(session.start, session.end, 'session');
  return {
    template: 'empty-agenda',
    subject: sessionSubject(sessionTitle(session), identity.region, 'Lege agenda'),
    preview: `${session.table}, ${dutchDate(session.start)}: geen agendapunten`,
    greeting: input.recipient,
    values: {
      ...sessionValues(session),
      sessionStart: dutchDateTime(session.start),
      agendaUrl: input.agendaUrl,
      cancelUrl: input.cancelUrl,
    },
  };
}
