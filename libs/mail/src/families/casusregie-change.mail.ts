import { DateTime } from 'luxon';
import { dutchDate } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSubject } from '../mail-subjects';
import { DossierCode, WebLink } from '../mail-values';

export interface CasusregieChangeInput {
  readonly recipient: Recipient;
  readonly dossier: DossierCode;
  /** `nieuw`: the one who takes the casusregie over; `vorig`: the one who hands it over. */
  readonly role: 'nieuw' | 'vorig';
  /** The day the new casusregisseur takes over. */
  readonly effectiveDate: DateTime;
  /** The dossier page (for the new one) or their follow-up page (for the one who hands over). */
  readonly link: WebLink;
}

/**
 * The casusregie of a dossier changed hands: to both casusregisseurs. Neither the other person
 * nor the reason is in the mail; who, why and the open tasks are on the pages behind login.
 */
export function casusregieChangeMail(identity: MailIdentity, input: CasusregieChangeInput): MailParts {
  const nieuw = input.role === 'nieuw';
  return {
    template: 'casusregie-change',
    subject: dossierSubject('Casusregie', { dossier: input.dossier }, identity.region),
    preview: nieuw
      ? `U bent casusregisseur van ${input.dossier}`
      : `De casusregie van ${input.dossier} is overgedragen`,
    greeting: input.recipient,
    values: {
      dossierCode: input.dossier,
      effectiveDate: dutchDate(input.effectiveDate),
      link: input.link,
      nieuw,
    },
  };
}
