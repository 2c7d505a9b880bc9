import { dutchDate } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSessionSubject } from '../mail-subjects';
import { DossierCode, WebLink } from '../mail-values';
import { SessionTitleInput, sessionTitle } from './session-parts.util';

export interface DocumentReplacedInput {
  readonly recipient: Recipient;
  readonly dossier: DossierCode;
  readonly session: SessionTitleInput;
  /** The number of the new version (2 for the first replacement). */
  readonly version: number;
  /** The agenda (members) or the item's documents (the casusregisseur), behind login. */
  readonly link: WebLink;
}

/**
 * After the agenda was fixed a coordinator put a new version of an item's document: the people
 * who have the agenda hear that it changed, by the session and the dossier code only; the file
 * is read after login by those who may.
 */
export function documentReplacedMail(identity: MailIdentity, input: DocumentReplacedInput): MailParts {
  return {
    template: 'document-replaced',
    subject: dossierSessionSubject(
      'Nieuwe versie',
      { dossier: input.dossier },
      sessionTitle(input.session),
      identity.region,
    ),
    preview: `${input.dossier}: nieuwe versie van de bijlage voor ${dutchDate(input.session.start)}`,
    greeting: input.recipient,
    values: {
      dossierCode: input.dossier,
      tableName: input.session.table,
      sessionDate: dutchDate(input.session.start),
      version: String(input.version),
      link: input.link,
    },
  };
}
