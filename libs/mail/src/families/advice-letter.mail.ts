import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { DecisionMailInput, decisionSubject, decisionValues } from './decision-parts.util';

export interface AdviceLetterInput extends DecisionMailInput {
  /** The advice includes reporting to the parket (e.g. in an acute danger situation). */
  readonly parketmeldingAdvies: boolean;
}

/**
 * After "geen ketenaanpak": the aanmelder gets the ICO's advice (guide II.D). The letter says that
 * it always includes advice for a safety plan and, when the table gave it, the advice to report
 * to the parket; the advice as the table wrote it is on the dossier's page, behind login.
 */
export function adviceLetterMail(identity: MailIdentity, input: AdviceLetterInput): MailParts {
  return {
    template: 'advice-letter',
    subject: decisionSubject('Beslissing', input, identity),
    preview: `Advies na de bespreking van ${input.dossier}`,
    greeting: input.recipient,
    values: { ...decisionValues(input), parketmeldingAdvies: input.parketmeldingAdvies },
  };
}
