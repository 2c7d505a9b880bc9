import { DateTime } from 'luxon';
import { dutchDateTime } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { plainSubject } from '../mail-subjects';
import { WebLink } from '../mail-values';

export interface LoginLinkInput {
  readonly recipient: Recipient;
  readonly loginUrl: WebLink;
  readonly expiresAt: DateTime;
}

/** The personal login link; the subject names nothing but the region. */
export function loginLinkMail(identity: MailIdentity, input: LoginLinkInput): MailParts {
  return {
    template: 'login-link',
    subject: plainSubject('Inloglink', identity.region),
    preview: `Uw persoonlijke link, geldig tot ${dutchDateTime(input.expiresAt)}`,
    greeting: input.recipient,
    values: { loginUrl: input.loginUrl, expiresAt: dutchDateTime(input.expiresAt) },
  };
}
