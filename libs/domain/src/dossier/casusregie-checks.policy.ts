// What the guide asks the casusregisseur to verify once casusregie is theirs (III.B, annex B): the
// consent of an adult family member, the children over 12 heard, the consulent consulted before
// the afronding. Each is recorded on the dossier page; these rules decide whether it can be and
// what it changes. Like the decisions, a refusal is a returned value with a code and the field.
import { formatLocalDate, LocalDateString, parseLocalDate } from '../time/local-date.util';
import { requiredDate, requiredText } from './decision-fields.util';
import { formatDutchDate } from './dossier-date.util';
import { DossierEvent } from './dossier-event.model';
import { DossierRefusal, refuse } from './dossier-outcome.model';
import { phaseLabel } from './dossier-text.util';
import { assertDossierState, DossierState, isInCasusregie, type PhaseBook } from './dossier.model';
import { InvalidDossierContextError } from './dossier.error';

export interface CheckContext {
  /** Today in the region's zone: nothing is recorded as having happened later. */
  readonly today: LocalDateString;
  /** The region's dossier life, whose phases say what the dossier's phase means. */
  readonly life: PhaseBook;
}

export type CheckOutcome =
  | { readonly ok: true; readonly next: DossierState; readonly effects: readonly DossierEvent[] }
  | DossierRefusal;

/** As the casusregisseur enters it; `verifiedById` is who records it (from the session, not typed). */
export interface ConsentInput {
  readonly givenBy: unknown;
  readonly verifiedOn: unknown;
  readonly adultFamilyMember: unknown;
  readonly verifiedById: string;
}

function today(context: CheckContext): number {
  const day = parseLocalDate(context.today);
  if (day === undefined)
    throw new InvalidDossierContextError(`today is not a yyyy-mm-dd date: ${context.today}`);
  return day;
}

function inCasusregie(book: PhaseBook, state: DossierState, what: string): DossierRefusal | undefined {
  if (isInCasusregie(book, state.phase)) return undefined;
  return refuse(
    'ILLEGAL_TRANSITION',
    `${what} wordt geregistreerd tijdens de casusregie; dit dossier is in de fase "${phaseLabel(book, state.phase)}".`,
  );
}

/** A past or present day, or the refusal naming the field. */
function dayUpTo(
  value: unknown,
  field: string,
  what: string,
  todayDay: number,
): { readonly ok: true; readonly day: number } | DossierRefusal {
  const date = requiredDate(value, field, what);
  if (!date.ok) return date;
  if (date.day > todayDay) return refuse('FIELD_INVALID', `${what} kan niet in de toekomst liggen.`, field);
  return date;
}

/**
 * The casusregisseur verified the informed consent of an adult family member (III.B: "Verifieer of
 * minstens één gezinslid heeft ingestemd"). If casusregie was waiting for it, casusregie starts:
 * on the start the ICO planned, or on the day of the consent when that is later (I.G: casusregie
 * starts once an adult consents). A start already known (set with the consent at the ICO, or taken
 * over from before the service) stays as it is.
 */
export function recordConsent(state: DossierState, input: ConsentInput, context: CheckContext): CheckOutcome {
  assertDossierState(state, context.life);
  const todayDay = today(context);
  const wrongPhase = inCasusregie(context.life, state, 'De instemming');
  if (wrongPhase) return wrongPhase;
  if (state.consent) {
    return refuse(
      'CONSENT_ALREADY_RECORDED',
      `De instemming is al geregistreerd (${formatDutchDate(state.consent.verifiedOn)}).`,
    );
  }
  const givenByProblem = requiredText(
    input.givenBy,
    'givenBy',
    'Wie de instemming gaf',
    'Noteer de rol of een omschrijving van het gezinslid (bv. "moeder"), geen naam.',
  );
  if (givenByProblem) return givenByProblem;
  const verified = dayUpTo(input.verifiedOn, 'verifiedOn', 'De datum van de instemming', todayDay);
  if (!verified.ok) return verified;
  if (input.adultFamilyMember !== true) {
    return refuse(
      'CONSENT_REQUIRED',
      'Casusregie start pas met de instemming van minstens één volwassen gezinslid; de instemming van ' +
        'enkel kinderen volstaat niet.',
      'adultFamilyMember',
    );
  }
  const verifiedOn = formatLocalDate(verified.day);
  const consent = { verifiedById: input.verifiedById, verifiedOn, givenBy: (input.givenBy as string).trim() };
  const effects: DossierEvent[] = [
    { type: 'instemming-geregistreerd', verifiedOn, verifiedById: input.verifiedById },
  ];
  let start = state.casusregieStartDate;
  if (start === undefined) {
    // assertDossierState guarantees the planned start of a dossier that awaits the consent.
    const planned = state.casusregiePlannedStartDate!;
    start = planned > verifiedOn ? planned : verifiedOn;
    effects.push({ type: 'casusregie-gestart', startDate: start, casusregisseurId: state.casusregisseurId! });
  }
  return { ok: true, next: { ...state, consent, casusregieStartDate: start }, effects };
}

/** One child over 12 as the casusregisseur lists them: a label, never a name ("kind 1, 14 jaar"). */
export interface ChildHearing {
  readonly label: string;
  readonly heardOn?: LocalDateString;
  /** Why the child was not heard (or how it will still be done, annex G). */
  readonly notHeardReason?: string;
}

export interface ChildHearingInput {
  readonly label: unknown;
  readonly heard?: unknown;
  readonly heardOn?: unknown;
  readonly notHeardReason?: unknown;
}

export interface ChildrenHeard {
  /** The children over 12 the dossier counts: the aanmelding's number, or more once more are listed. */
  readonly expected: number;
  readonly children: readonly ChildHearing[];
  /** Every child over 12 is heard or has a reason: the `kinderen-gehoord` moment. */
  readonly allAccountedFor: boolean;
}

export type ChildHearingOutcome =
  | {
      readonly ok: true;
      readonly hearing: ChildHearing;
      readonly heard: ChildrenHeard;
      readonly effects: readonly DossierEvent[];
    }
  | DossierRefusal;

/** Labels compare without case and extra spaces, so "Kind 1 " is the child "kind 1". */
export function childLabelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Where the dossier stands with its children over 12. */
export function childrenHeard(expected: number, children: readonly ChildHearing[]): ChildrenHeard {
  const count = Math.max(expected, children.length);
  return { expected: count, children, allAccountedFor: count > 0 && children.length >= count };
}

/**
 * The casusregisseur heard one child over 12 on a day, or notes why not (III.B: "Spreek met
 * kinderen die ouder zijn dan 12 jaar"). The same label again replaces that child's entry. The
 * aanmelding said how many children are over 12; a child it did not know of raises the count, so
 * the count never ends below the children listed.
 */
export function recordChildHearing(
  state: DossierState,
  current: { readonly expected: number; readonly children: readonly ChildHearing[] },
  input: ChildHearingInput,
  context: CheckContext,
): ChildHearingOutcome {
  assertDossierState(state, context.life);
  const todayDay = today(context);
  const wrongPhase = inCasusregie(context.life, state, 'Het horen van de kinderen');
  if (wrongPhase) return wrongPhase;
  const labelProblem = requiredText(
    input.label,
    'label',
    'Welk kind',
    'Noteer een omschrijving zonder naam, bv. "kind 1, 14 jaar".',
  );
  if (labelProblem) return labelProblem;
  if (typeof input.heard !== 'boolean') {
    return refuse('FIELD_REQUIRED', 'Kies of het kind gehoord is.', 'heard');
  }
  const label = (input.label as string).trim().replace(/\s+/g, ' ');
  let hearing: ChildHearing;
  if (input.heard) {
    const heardOn = dayUpTo(input.heardOn, 'heardOn', 'De datum van het gesprek', todayDay);
    if (!heardOn.ok) return heardOn;
    hearing = { label, heardOn: formatLocalDate(heardOn.day) };
  } else {
    const reasonProblem = requiredText(
      input.notHeardReason,
      'notHeardReason',
      'Waarom het kind niet gehoord is',
      'Zeg ook hoe het alsnog kan gebeuren.',
    );
    if (reasonProblem) return reasonProblem;
    hearing = { label, notHeardReason: (input.notHeardReason as string).trim() };
  }
  const key = childLabelKey(label);
  const children = [...current.children.filter((c) => childLabelKey(c.label) !== key), hearing];
  const heard = childrenHeard(current.expected, children);
  return {
    ok: true,
    hearing,
    heard,
    effects: [{ type: 'kind-gehoord', date: context.today, allAccountedFor: heard.allAccountedFor }],
  };
}

export interface ConsulentConsultationInput {
  readonly consultedOn: unknown;
  readonly note: unknown;
}

/**
 * The casusregisseur consulted the OCJ/SDJ consulent about the afronding (annex B: "De consulent
 * en casusregisseur stemmen met elkaar af, vooraleer ze overgaan tot afronding"). Recorded again
 * (a second afronding after one that was not approved), the latest consultation counts.
 */
export function recordConsulentConsultation(
  state: DossierState,
  input: ConsulentConsultationInput,
  context: CheckContext,
): CheckOutcome {
  assertDossierState(state, context.life);
  const todayDay = today(context);
  const wrongPhase = inCasusregie(context.life, state, 'Het overleg met de consulent over de afronding');
  if (wrongPhase) return wrongPhase;
  if (state.consulentInvolved !== true) {
    return refuse(
      'NO_CONSULENT_INVOLVED',
      'Er is geen consulent van OCJ/SDJ betrokken bij dit dossier; registreer eerst de consulent.',
    );
  }
  const consulted = dayUpTo(input.consultedOn, 'consultedOn', 'De datum van het overleg', todayDay);
  if (!consulted.ok) return consulted;
  const noteProblem = requiredText(input.note, 'note', 'Een korte notitie over het overleg');
  if (noteProblem) return noteProblem;
  const consultedOn = formatLocalDate(consulted.day);
  return {
    ok: true,
    next: { ...state, consulentConsultedOn: consultedOn },
    effects: [{ type: 'consulent-geconsulteerd', date: consultedOn }],
  };
}
