import { DateTime } from 'luxon';
import { dutchDate, inBrussels } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { DecisionMailInput, decisionSubject, decisionValues } from './decision-parts.util';

export interface InstroomLetterInput extends DecisionMailInput {
  /** The day casusregie starts, or the casusregisseur takes the dossier up when it awaits consent. */
  readonly startDate: DateTime;
  /** Casusregie waits for the consent of an adult family member (the letter does not say so). */
  readonly awaitingConsent?: boolean;
  /** The first vervolgoverleg the ICO set; absent: the first Weegploeg. */
  readonly vervolgoverleg?: DateTime;
}

/** After "ketenaanpak met casusregie", to the aanmelder (when someone else directs the case). */
export function instroomLetterMail(identity: MailIdentity, input: InstroomLetterInput): MailParts {
  inBrussels(input.startDate, 'startDate');
  if (input.vervolgoverleg) inBrussels(input.vervolgoverleg, 'vervolgoverleg');
  return {
    template: 'instroom-letter',
    subject: decisionSubject('Beslissing', input, identity),
    preview: `Beslissing over ${input.dossier}`,
    greeting: input.recipient,
    values: {
      ...decisionValues(input),
      startDate: dutchDate(input.startDate),
      awaitingConsent: input.awaitingConsent === true,
      hasVervolgoverleg: input.vervolgoverleg !== undefined,
      vervolgoverlegDate: input.vervolgoverleg ? dutchDate(input.vervolgoverleg) : '',
    },
  };
}
