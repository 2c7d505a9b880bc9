import type { EmailAddress } from '@overlegtafels/mail';

/** A test message to one address (checked to be an address at the edge). */
export interface SendTestMailCommand {
  readonly to: EmailAddress;
}
