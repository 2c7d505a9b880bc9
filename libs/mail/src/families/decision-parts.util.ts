import { dutchDate } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { Recipient } from '../mail-renderer';
import { MailSubject, SubjectPrefix, dossierSessionSubject } from '../mail-subjects';
import { DossierCode, WebLink } from '../mail-values';
import { TemplateScope } from '../template-engine';
import { SessionTitleInput, sessionTitle } from './session-parts.util';

// What the mails about a table's decision share. They say what the guide requires the letter to
// say (the outcome, the kind of advice, dates, whom to contact) and link to the dossier's page for
// the rest: what the coordinators typed (the advice, what is missing) is case content and stays
// behind login, as with every other mail of the service.

export interface DecisionMailInput {
  readonly recipient: Recipient;
  /** The session that took the decision. */
  readonly session: SessionTitleInput;
  readonly dossier: DossierCode;
  /** The dossier's page, behind login (the URL carries the code only). */
  readonly dossierUrl: WebLink;
}

/** "Beslissing: CO3-2026-0042 – Verkennend casusoverleg (ICO) 4 december 2026 – CO3 Antwerpen". */
export function decisionSubject(
  prefix: Extract<SubjectPrefix, 'Advies' | 'Beslissing' | 'Casusregie'>,
  input: DecisionMailInput,
  identity: MailIdentity,
): MailSubject {
  return dossierSessionSubject(
    prefix,
    { dossier: input.dossier },
    sessionTitle(input.session),
    identity.region,
  );
}

export function decisionValues(input: DecisionMailInput): TemplateScope {
  return {
    tableName: input.session.table,
    sessionDate: dutchDate(input.session.start),
    dossierCode: input.dossier,
    dossierUrl: input.dossierUrl,
  };
}
