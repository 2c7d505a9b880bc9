import { DateTime } from 'luxon';
import { dutchDate } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSubject } from '../mail-subjects';
import { DossierCode, MailValueError, WebLink } from '../mail-values';

export interface NoConsentFoundInput {
  readonly recipient: Recipient;
  readonly dossier: DossierCode;
  /** `aanmelder`: whose referral it was; `coordinator`: the ICO's coordinators. */
  readonly role: 'aanmelder' | 'coordinator';
  /** The day the casusregisseur found that no adult family member consents. */
  readonly establishedOn: DateTime;
  /** How often the aanmelder may still bring the dossier back to the ICO. */
  readonly returnsLeft: number;
  /** The dossier page, behind login. */
  readonly link: WebLink;
}

/**
 * After the ICO, the casusregisseur found that no adult family member consents (guide I.G):
 * casusregie does not start. The aanmelder learns it and how often they may come back to the ICO;
 * the ICO's coordinators learn it for their overview. What was tried is behind login only.
 */
export function noConsentFoundMail(identity: MailIdentity, input: NoConsentFoundInput): MailParts {
  if (!Number.isInteger(input.returnsLeft) || input.returnsLeft < 0) {
    throw new MailValueError('INVALID_COUNT', `returnsLeft is not a count: ${String(input.returnsLeft)}`);
  }
  return {
    template: 'no-consent-found',
    subject: dossierSubject('Geen instemming', { dossier: input.dossier }, identity.region),
    preview: `Casusregie van ${input.dossier} start niet`,
    greeting: input.recipient,
    values: {
      dossierCode: input.dossier,
      establishedOn: dutchDate(input.establishedOn),
      aanmelder: input.role === 'aanmelder',
      canReturn: input.returnsLeft > 0,
      returnsLeft: input.returnsLeft === 1 ? 'nog één keer' : `nog ${input.returnsLeft} keer`,
      link: input.link,
    },
  };
}
