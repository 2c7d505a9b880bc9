import { dutchDate } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSessionSubject } from '../mail-subjects';
import { DossierCode, WebLink } from '../mail-values';
import { SessionTitleInput, sessionTitle } from './session-parts.util';

export interface PreparationReminderInput {
  readonly recipient: Recipient;
  readonly dossier: DossierCode;
  readonly session: SessionTitleInput;
  /** The item's preparation page, behind login. */
  readonly link: WebLink;
}

/**
 * A coordinator reminds a partner that has not yet prepared an item (guide II.C, infodeling):
 * the session and the dossier code only; what the partner looks up is entered after login.
 */
export function preparationReminderMail(identity: MailIdentity, input: PreparationReminderInput): MailParts {
  return {
    template: 'preparation-reminder',
    subject: dossierSessionSubject(
      'Voorbereiding',
      { dossier: input.dossier },
      sessionTitle(input.session),
      identity.region,
    ),
    preview: `${input.dossier}: uw voorbereiding voor ${dutchDate(input.session.start)} ontbreekt nog`,
    greeting: input.recipient,
    values: {
      dossierCode: input.dossier,
      tableName: input.session.table,
      sessionDate: dutchDate(input.session.start),
      link: input.link,
    },
  };
}
