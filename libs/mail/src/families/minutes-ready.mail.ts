import { DateTime } from 'luxon';
import { dutchDate, inBrussels } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { sessionSubject } from '../mail-subjects';
import { Label, WebLink } from '../mail-values';

export interface MinutesReadyInput {
  readonly recipient: Recipient;
  readonly table: Label;
  /** The session's start. */
  readonly date: DateTime;
  /** The verslag's page, read after logging in. */
  readonly link: WebLink;
}

/**
 * The verslag of a session is closed and ready (guide IV): to everyone who took part. Only the
 * session's table and date: what was said, decided and agreed is read behind login, each reader
 * the parts about the items they may see.
 */
export function minutesReadyMail(identity: MailIdentity, input: MinutesReadyInput): MailParts {
  inBrussels(input.date, 'date');
  return {
    template: 'minutes-ready',
    subject: sessionSubject({ table: input.table, date: input.date }, identity.region, 'Verslag'),
    preview: `${input.table}, ${dutchDate(input.date)}: het verslag is klaar`,
    greeting: input.recipient,
    values: { tableName: input.table, sessionDate: dutchDate(input.date), link: input.link },
  };
}
