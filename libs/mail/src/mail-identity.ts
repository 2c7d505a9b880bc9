import { emailAddress, hostName, HostName, Label, label, MailSender } from './mail-values';

/** A region's mail identity: who sends (and organizes), what the region is called, the UID host. */
export interface MailIdentity {
  /** From, Sender and ORGANIZER of every message: replies and RSVPs go to this mailbox. */
  readonly sender: MailSender;
  readonly region: Label;
  /** Right-hand side of calendar UIDs, e.g. overlegtafels.example.be. */
  readonly uidHost: HostName;
}

/** `Name <address>` or a bare address, as MAIL_FROM is written. */
export function parseMailFrom(value: string): MailSender {
  const named = /^\s*"?([^"<>]+?)"?\s*<([^<>\s]+)>\s*$/.exec(value);
  if (named) return { name: label(named[1]!.trim()), address: emailAddress(named[2]!) };
  const address = emailAddress(value.trim());
  return { name: label(address.split('@')[0]!), address };
}

/**
 * Who the service mails as: From/Sender/ORGANIZER from MAIL_FROM, the region's name for subjects,
 * and the sender's domain as the right-hand side of Message-IDs and calendar UIDs.
 */
export function mailIdentity(mailFrom: string, regionName: string): MailIdentity {
  const sender = parseMailFrom(mailFrom);
  return { sender, region: label(regionName), uidHost: hostName(sender.address.split('@')[1]!) };
}

/** A Message-ID on the service's own domain; fixed per outbox row so a resend is the same message. */
export function messageIdFor(uidHost: HostName, id: string): string {
  return `<${id}@${uidHost}>`;
}
