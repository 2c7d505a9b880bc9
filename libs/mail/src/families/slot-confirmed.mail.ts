import { MailIdentity } from '../mail-identity';
import { MailParts } from '../mail-renderer';
import { GuestMailInput, slotMail } from './guest-slot.util';

export type SlotConfirmedInput = GuestMailInput;

/**
 * At the freeze the slot is definitive: "Bevestigd: <code>, <item type> – <table> <date> –
 * <region>", and the guest's entry (same UID) becomes CONFIRMED.
 */
export function slotConfirmedMail(identity: MailIdentity, input: SlotConfirmedInput): MailParts {
  return slotMail(identity, 'slot-confirmed', 'Bevestigd', input);
}
