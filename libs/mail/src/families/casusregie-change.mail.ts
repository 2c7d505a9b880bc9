import { DateTime } from 'luxon';
import { dutchDate } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSubject } from '../mail-subjects';
import { DossierCode, WebLink } from '../mail-values';

export interface CasusregieChangeInput {
  readonly recipient: Recipient;
  readonly dossier: DossierCode;
  /**
   * `nieuw`: the one who takes the casusregie over; `vorig`: the one who hands it over; `gezocht`:
   * a coordinator, because the casusregisseur is no longer active and the dossier needs a new one;
   * `actiepunten`: a coordinator, because action points of the dossier were on the name of
   * someone no longer active.
   */
  readonly role: 'nieuw' | 'vorig' | 'gezocht' | 'actiepunten';
  /** The day the new casusregisseur takes over, or the day the previous one stopped. */
  readonly effectiveDate: DateTime;
  /**
   * The dossier page (for the new one; for a coordinator: its change of casusregisseur) or the
   * follow-up page (for the one who hands over; for a coordinator: the action points).
   */
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
    preview: {
      nieuw: `U bent casusregisseur van ${input.dossier}`,
      vorig: `De casusregie van ${input.dossier} is overgedragen`,
      gezocht: `${input.dossier} heeft een nieuwe casusregisseur nodig`,
      actiepunten: `Actiepunten van ${input.dossier} staan bij de coördinatoren`,
    }[input.role],
    greeting: input.recipient,
    values: {
      dossierCode: input.dossier,
      effectiveDate: dutchDate(input.effectiveDate),
      link: input.link,
      nieuw,
      vorig: input.role === 'vorig',
      gezocht: input.role === 'gezocht',
      actiepunten: input.role === 'actiepunten',
    },
  };
}
