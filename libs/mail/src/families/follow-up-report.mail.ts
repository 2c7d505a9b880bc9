import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { dossierSubject } from '../mail-subjects';
import { DossierCode, WebLink } from '../mail-values';

export interface FollowUpReportInput {
  readonly recipient: Recipient;
  readonly dossier: DossierCode;
  /** The dossier page, where the answer is read after logging in. */
  readonly link: WebLink;
}

/**
 * Six months after the afronding the casusregisseur reported whether the follow-up help started
 * (guide III.E): to the coordinators of the Ronde Tafel, who close the dossier. The answer itself
 * is case content, so it stays behind login.
 */
export function followUpReportMail(identity: MailIdentity, input: FollowUpReportInput): MailParts {
  return {
    template: 'follow-up-report',
    subject: dossierSubject('Vervolghulp', { dossier: input.dossier }, identity.region),
    preview: `${input.dossier}: de controle zes maanden na de afronding is ingevuld`,
    greeting: input.recipient,
    values: { dossierCode: input.dossier, link: input.link },
  };
}
