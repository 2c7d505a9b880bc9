import { effectiveMeetingPlace, TableDefinition } from '@overlegtafels/domain';
import { MailValueError, place, Place, webLink, WebLink } from '@overlegtafels/mail';
import type { SessionRecord } from '../ports/agenda-session.repository.port';

/** A session's place as mails and calendars carry it. */
export interface MailPlace {
  readonly location?: Place;
  readonly onlineUrl?: WebLink;
}

/**
 * Where the session takes place (the coordinator's override, else the table's), as mail values.
 * A value the mails cannot carry is left out (and reported by its code) rather than stopping
 * every invitation of the session.
 */
export function mailPlaceOf(
  session: Pick<SessionRecord, 'location' | 'onlineMeetingUrl'>,
  table: TableDefinition,
  leftOut: (code: string) => void = () => undefined,
): MailPlace {
  const where = effectiveMeetingPlace(table.meetingPlace, {
    location: session.location ?? null,
    onlineMeetingUrl: session.onlineMeetingUrl ?? null,
  });
  const out: { location?: Place; onlineUrl?: WebLink } = {};
  try {
    if (where.location) out.location = place(where.location);
    if (where.onlineMeetingUrl) out.onlineUrl = webLink(where.onlineMeetingUrl);
  } catch (error) {
    if (!(error instanceof MailValueError)) throw error;
    leftOut(error.code);
  }
  return out;
}
