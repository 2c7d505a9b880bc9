import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { MailValueError } from '../mail-values';
import { DecisionMailInput, decisionSubject, decisionValues } from './decision-parts.util';

export interface NoConsentLetterInput extends DecisionMailInput {
  /** The table gave advice on raising safety meanwhile (on the dossier's page). */
  readonly hasAdvice: boolean;
  /** How often the aanmelder may still come back to the ICO (guide I.G: "een beperkt aantal keer"). */
  readonly returnsLeft: number;
}

/** After "geen instemming": casusregie cannot start; the advice, and the returns left. */
export function noConsentLetterMail(identity: MailIdentity, input: NoConsentLetterInput): MailParts {
  if (!Number.isInteger(input.returnsLeft) || input.returnsLeft < 0) {
    throw new MailValueError('INVALID_COUNT', `returnsLeft is not a count: ${String(input.returnsLeft)}`);
  }
  return {
    template: 'no-consent-letter',
    subject: decisionSubject('Beslissing', input, identity),
    preview: `Beslissing over ${input.dossier}`,
    greeting: input.recipient,
    values: {
      ...decisionValues(input),
      hasAdvice: input.hasAdvice,
      canReturn: input.returnsLeft > 0,
      returnsLeft: input.returnsLeft === 1 ? 'nog één keer' : `nog ${input.returnsLeft} keer`,
    },
  };
}
