/**
 * Who receives what when a session's agenda goes out (issue #15): a rule about people and
 * slots, independent of how mails are rendered or stored.
 *
 * - every standing member of the table gets the agenda with the session's invitation;
 * - every guest of an item (aanmelder, consulent, expert) and the dossier's casusregisseur get an
 *   invitation for that item's slot only — not the whole agenda, which names other dossiers;
 * - someone who already has the session (a standing member) gets no slot invitation besides it;
 * - each address is counted once per calendar entry, whatever its case or spaces.
 *
 * An agenda without items is not sent as a meeting: the coordinators are asked to cancel or keep
 * the session first (emptyAgendaStep).
 */

/** Someone who may receive an agenda mail: known by address (and a person's id when a user). */
export interface AgendaParty {
  readonly email: string;
}

export interface RecipientItem<P extends AgendaParty> {
  readonly id: string;
  /** The dossier's casusregisseur, when active; null otherwise. */
  readonly casusregisseur: P | null;
  /** The item's guests who can be mailed (inactive people and addresses left out by the caller). */
  readonly guests: readonly P[];
}

export interface AgendaRecipientPlan<P extends AgendaParty> {
  /** The agenda with the session's invitation. */
  readonly session: readonly P[];
  /** Per item, in agenda order: the invitations for its slot. */
  readonly slots: readonly { readonly itemId: string; readonly recipients: readonly P[] }[];
}

export function sameParty(a: AgendaParty, b: AgendaParty): boolean {
  return a.email.trim().toLowerCase() === b.email.trim().toLowerCase();
}

/** Once per address, in the order given. */
function distinct<P extends AgendaParty>(parties: readonly P[], except: readonly AgendaParty[] = []): P[] {
  const out: P[] = [];
  for (const p of parties) {
    if (except.some((e) => sameParty(e, p)) || out.some((o) => sameParty(o, p))) continue;
    out.push(p);
  }
  return out;
}

/** The slot invitations of one item: its guests, then its casusregisseur, without `except`. */
export function slotParties<P extends AgendaParty>(
  item: RecipientItem<P>,
  except: readonly AgendaParty[] = [],
): P[] {
  return distinct([...item.guests, ...(item.casusregisseur ? [item.casusregisseur] : [])], except);
}

export function agendaRecipients<P extends AgendaParty>(
  members: readonly P[],
  items: readonly RecipientItem<P>[],
): AgendaRecipientPlan<P> {
  const session = distinct(members);
  return {
    session,
    slots: items.map((item) => ({ itemId: item.id, recipients: slotParties(item, session) })),
  };
}

/** What the send does with an agenda: send it, or (without items) ask the coordinators first. */
export type AgendaSendStep = 'send' | 'ask-coordinators' | 'confirm-first';

/**
 * At the send moment (the job) an empty agenda is not sent: the coordinators are asked to cancel
 * or keep the session. A coordinator sending now is asked to confirm first; once they confirm
 * that the session is kept, the (empty) agenda goes out as a meeting like any other.
 */
export function emptyAgendaStep(
  itemCount: number,
  by: 'schedule' | 'coordinator',
  keepConfirmed: boolean,
): AgendaSendStep {
  if (itemCount > 0 || keepConfirmed) return 'send';
  return by === 'schedule' ? 'ask-coordinators' : 'confirm-first';
}
