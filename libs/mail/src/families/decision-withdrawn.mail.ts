import { dutchDate } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSubject } from '../mail-subjects';
import { DossierCode, WebLink } from '../mail-values';
import { SessionTitleInput } from './session-parts.util';

export interface DecisionWithdrawnInput {
  readonly recipient: Recipient;
  readonly dossier: DossierCode;
  /** The zitting that took the decision. */
  readonly session: SessionTitleInput;
  /** `ingetrokken`: nothing takes its place; `gewijzigd`: another decision replaced it. */
  readonly change: 'ingetrokken' | 'gewijzigd';
  /** The dossier's page, behind login (the URL carries the code only). */
  readonly dossierUrl: WebLink;
}

/**
 * A decision someone was told of was withdrawn or changed: to each who got one of its letters.
 * Neither the reason nor the new decision is in the mail (case content, typed by the coordinator):
 * they are on the dossier's page, and a new decision sends its own letters.
 */
export function decisionWithdrawnMail(identity: MailIdentity, input: DecisionWithdrawnInput): MailParts {
  const gewijzigd = input.change === 'gewijzigd';
  return {
    template: 'decision-withdrawn',
    subject: dossierSubject(
      gewijzigd ? 'Beslissing gewijzigd' : 'Beslissing ingetrokken',
      { dossier: input.dossier },
      identity.region,
    ),
    preview: gewijzigd
      ? `De beslissing over ${input.dossier} werd gewijzigd`
      : `De beslissing over ${input.dossier} werd ingetrokken`,
    greeting: input.recipient,
    values: {
      dossierCode: input.dossier,
      tableName: input.session.table,
      sessionDate: dutchDate(input.session.start),
      dossierUrl: input.dossierUrl,
      gewijzigd,
    },
  };
}
