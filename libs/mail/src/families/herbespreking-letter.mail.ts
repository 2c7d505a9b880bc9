import { DateTime } from 'luxon';
import { dutchDate, dutchDateTime, inBrussels } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { DecisionMailInput, decisionSubject, decisionValues } from './decision-parts.util';
import { SessionTitleInput } from './session-parts.util';

export interface HerbesprekingLetterInput extends DecisionMailInput {
  /** The ICO the dossier comes back on (the aanvullend verkennend casusoverleg). */
  readonly next: SessionTitleInput;
  /** When that ICO's agenda, and with it the aanmelder's invitation for their slot, goes out. */
  readonly agendaSentAt: DateTime;
}

/**
 * After "herbespreking" (guide II.D): the dossier comes back on a later ICO and the aanmelder is
 * its guest there. What is missing and who brings it is on the dossier's page.
 */
export function herbesprekingLetterMail(identity: MailIdentity, input: HerbesprekingLetterInput): MailParts {
  inBrussels(input.next.start, 'next.start');
  inBrussels(input.agendaSentAt, 'agendaSentAt');
  return {
    template: 'herbespreking-letter',
    subject: decisionSubject('Beslissing', input, identity),
    preview: `${input.dossier}: terug op ${input.next.table}, ${dutchDate(input.next.start)}`,
    greeting: input.recipient,
    values: {
      ...decisionValues(input),
      nextTableName: input.next.table,
      nextDate: dutchDate(input.next.start),
      agendaMoment: dutchDateTime(input.agendaSentAt),
    },
  };
}
