import { sameParty, slotParties } from '@overlegtafels/domain';
import type { MailingItem, MailingPerson } from '../ports/agenda-mailing.port';

/** Someone an agenda mail goes to: a person of the service or a guest known by address only. */
export interface AgendaRecipient {
  readonly personId: string | null;
  readonly email: string;
  /** A professional's name, for the greeting; never in a subject or calendar text. */
  readonly name?: string;
}

export function personRecipient(p: MailingPerson): AgendaRecipient {
  return { personId: p.id, email: p.email, name: p.displayName };
}

/** Same address, same recipient (addresses are case-insensitive in practice). */
export function sameAddress(a: { email: string }, b: { email: string }): boolean {
  return sameParty(a, b);
}

/**
 * Who is invited for an item's slot: its guests (aanmelder, consulent, expert) and the dossier's
 * casusregisseur, once per address, without those in `except` (standing members, who have the
 * whole session in their calendar).
 */
export function slotRecipients(
  item: MailingItem,
  except: readonly { email: string }[] = [],
): AgendaRecipient[] {
  const guests: AgendaRecipient[] = [];
  for (const guest of item.guests) {
    if (guest.person) {
      if (guest.person.active) guests.push(personRecipient(guest.person));
    } else if (guest.email) {
      guests.push({ personId: null, email: guest.email, ...(guest.name ? { name: guest.name } : {}) });
    }
  }
  const casusregisseur = item.casusregisseur?.active ? personRecipient(item.casusregisseur) : null;
  // The rule itself (who gets a slot, once per address, not who has the session) is the domain's.
  return slotParties({ id: item.id, guests, casusregisseur }, except);
}
