import { currentRegionKey, type AppConfig } from '@overlegtafels/config';
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

/**
 * The mail identities of an installation's regions, by region key. As a MailIdentity it is the one
 * of the region the current work runs in (see inRegion): an agenda of Vlaams-Brabant's table goes
 * out as Vlaams-Brabant, in the same process as CO3 Antwerpen's.
 */
export class RegionMailIdentities implements MailIdentity {
  constructor(
    private readonly byRegion: ReadonlyMap<string, MailIdentity>,
    private readonly config: Pick<AppConfig, 'regions'>,
  ) {}

  of(regionKey: string): MailIdentity {
    const identity = this.byRegion.get(regionKey);
    if (!identity) throw new Error(`region ${regionKey} has no mail identity (is it in REGIONS?)`);
    return identity;
  }

  /** Every region's identity, in the order of REGIONS. */
  all(): MailIdentity[] {
    return [...this.byRegion.values()];
  }

  private get current(): MailIdentity {
    return this.of(currentRegionKey(this.config));
  }

  get sender(): MailSender {
    return this.current.sender;
  }

  get region(): Label {
    return this.current.region;
  }

  get uidHost(): HostName {
    return this.current.uidHost;
  }
}

/** Every identity an injected MailIdentity stands for: all regions' for the installation's. */
export function allIdentities(identity: MailIdentity): MailIdentity[] {
  return identity instanceof RegionMailIdentities ? identity.all() : [identity];
}

/** A Message-ID on the service's own domain; fixed per outbox row so a resend is the same message. */
export function messageIdFor(uidHost: HostName, id: string): string {
  return `<${id}@${uidHost}>`;
}
