import { dutchDate } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSessionSubject } from '../mail-subjects';
import { DossierCode, MailValueError, cleanText } from '../mail-values';
import { SessionTitleInput, sessionTitle } from './session-parts.util';

export interface AdviceLetterInput {
  readonly recipient: Recipient;
  /** The ICO session that decided "geen ketenaanpak". */
  readonly session: SessionTitleInput;
  readonly dossier: DossierCode;
  /** The decision's advice, as typed (line breaks kept, everything escaped). */
  readonly adviceText: string;
  /** Advice on a safety plan: always part of the letter, so it is required and may not be empty. */
  readonly safetyPlanAdvice: string;
}

/** After "geen ketenaanpak": the advice to the aanmelder, always with safety-plan advice. */
export function adviceLetterMail(identity: MailIdentity, input: AdviceLetterInput): MailParts {
  const adviceText = cleanText(input.adviceText, { multiline: true });
  const safetyPlanAdvice = cleanText(input.safetyPlanAdvice, { multiline: true });
  if (adviceText.length === 0) throw new MailValueError('EMPTY_TEXT', 'adviceText is empty');
  if (safetyPlanAdvice.length === 0) {
    throw new MailValueError(
      'EMPTY_TEXT',
      'safetyPlanAdvice is empty: an advice letter always advises on a safety plan',
    );
  }
  return {
    template: 'advice-letter',
    subject: dossierSessionSubject(
      'Advies',
      { dossier: input.dossier },
      sessionTitle(input.session),
      identity.region,
    ),
    preview: `Advies na de bespreking van ${input.dossier}`,
    greeting: input.recipient,
    values: {
      tableName: input.session.table,
      sessionDate: dutchDate(input.session.start),
      dossierCode: input.dossier,
      adviceText,
      safetyPlanAdvice,
    },
  };
}
