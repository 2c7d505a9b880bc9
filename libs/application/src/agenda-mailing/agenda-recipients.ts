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
  return a.email.trim().toLowerCase() === b.email.trim().toLowerCase();
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
  const out: AgendaRecipient[] = [];
  const add = (r: AgendaRecipient) => {
    if (!except.some((e) => sameAddress(e, r)) && !out.some((o) => sameAddress(o, r))) out.push(r);
  };
  for (const guest of item.guests) {
    if (guest.person) {
      if (guest.person.active) add(personRecipient(guest.person));
    } else if (guest.email) {
      add({ personId: null, email: guest.email, ...(guest.name ? { name: guest.name } : {}) });
    }
  }
  if (item.casusregisseur?.active) add(personRecipient(item.casusregisseur));
  return out;
}
