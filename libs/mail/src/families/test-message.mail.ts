import { DateTime } from 'luxon';
import { dutchDateTime } from '../brussels-time';
import { MailIdentity } from '../mail-identity';
import { MailParts, Recipient } from '../mail-renderer';
import { plainSubject } from '../mail-subjects';

export interface TestMailInput {
  readonly recipient: Recipient;
  readonly sentAt: DateTime;
}

/** A test message through the whole pipeline, so an operator sees that mail arrives. */
export function testMessageMail(identity: MailIdentity, input: TestMailInput): MailParts {
  return {
    template: 'test',
    subject: plainSubject('Testbericht', identity.region),
    preview: 'Een testbericht: u hoeft niets te doen.',
    greeting: input.recipient,
    values: { sentAt: dutchDateTime(input.sentAt) },
  };
}
