import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { EmailAddress } from '../mail-values';
import { DecisionMailInput, decisionSubject, decisionValues } from './decision-parts.util';

export interface ZonderCasusregisseurLetterInput extends DecisionMailInput {
  /** The region's criminologists, who contact the aanmelder and connect with the parket. */
  readonly criminologen: EmailAddress;
}

/**
 * After "ketenaanpak zonder casusregisseur" (guide I.I, II.F): the aanmelder is told expressly that
 * the ICO sees the need for a ketenaanpak, that they go on themselves and may use the tables, and
 * how to reach the criminologists.
 */
export function zonderCasusregisseurLetterMail(
  identity: MailIdentity,
  input: ZonderCasusregisseurLetterInput,
): MailParts {
  return {
    template: 'zonder-casusregisseur-letter',
    subject: decisionSubject('Beslissing', input, identity),
    preview: `Beslissing over ${input.dossier}`,
    greeting: input.recipient,
    values: { ...decisionValues(input), criminologen: input.criminologen },
  };
}
