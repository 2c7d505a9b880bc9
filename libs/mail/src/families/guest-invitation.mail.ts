import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { GuestMailInput, slotMail } from './guest-slot.util';

export type GuestInvitationInput = GuestMailInput;

/**
 * A guest (aanmelder, consulent) invited for their own slot only: "Uitnodiging: <code>, <item
 * type> – <table> <date> – <region>", with the guest's slot entry when `invitation` is given.
 */
export function guestInvitationMail(identity: MailIdentity, input: GuestInvitationInput): MailParts {
  return slotMail(identity, 'invitation-guest', 'Uitnodiging', input);
}
