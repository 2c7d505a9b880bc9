import { DateTime } from 'luxon';
import { dutchDate, dutchDateTime, inBrussels } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { WebLink, cleanText } from '../mail-values';
import { DecisionMailInput, decisionSubject, decisionValues } from './decision-parts.util';

/** One follow-up obligation the casusregisseur now owns. */
export interface FirstObligation {
  /** As configured ("Eerste plan van aanpak op de Weegploeg"); body only, any punctuation. */
  readonly what: string;
  readonly due: DateTime;
}

export interface CasusregieAppointedInput extends DecisionMailInput {
  /** The start the ICO set. */
  readonly startDate: DateTime;
  /** No adult family member consented yet: casusregie starts once the casusregisseur records it. */
  readonly awaitingConsent?: boolean;
  /** The first vervolgoverleg the ICO set; absent: the first Weegploeg. */
  readonly vervolgoverleg?: DateTime;
  /** The casusregisseur was not at the ICO: the bijkomend casusoverleg with them. */
  readonly bijkomendCasusoverleg?: DateTime;
  /** Their open obligations of the dossier, by due date. */
  readonly obligations: readonly FirstObligation[];
  /** "Mijn opvolging", where manual obligations are marked done. */
  readonly opvolgingUrl: WebLink;
}

/** After "ketenaanpak met casusregie", to the appointed casusregisseur (guide II.E). */
export function casusregieAppointedMail(identity: MailIdentity, input: CasusregieAppointedInput): MailParts {
  inBrussels(input.startDate, 'startDate');
  for (const d of [input.vervolgoverleg, input.bijkomendCasusoverleg]) if (d) inBrussels(d, 'planned date');
  return {
    template: 'casusregie-appointed',
    subject: decisionSubject('Casusregie', input, identity),
    preview: input.awaitingConsent
      ? `${input.dossier}: casusregisseur vanaf ${dutchDate(input.startDate)}`
      : `${input.dossier}: casusregie vanaf ${dutchDate(input.startDate)}`,
    greeting: input.recipient,
    values: {
      ...decisionValues(input),
      startDate: dutchDate(input.startDate),
      awaitingConsent: input.awaitingConsent === true,
      hasVervolgoverleg: input.vervolgoverleg !== undefined,
      vervolgoverlegDate: input.vervolgoverleg ? dutchDate(input.vervolgoverleg) : '',
      hasBijkomend: input.bijkomendCasusoverleg !== undefined,
      bijkomendDate: input.bijkomendCasusoverleg ? dutchDate(input.bijkomendCasusoverleg) : '',
      obligations: input.obligations.map((o) => ({
        what: cleanText(o.what, { maxLength: 200 }),
        due: dutchDateTime(inBrussels(o.due, 'obligation due')),
      })),
      opvolgingUrl: input.opvolgingUrl,
    },
  };
}
