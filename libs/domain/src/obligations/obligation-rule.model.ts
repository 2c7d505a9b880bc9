import type { DecisionKind } from '../dossier/dossier.model';
import { Role } from '../organisation/organisation-kind';
import { LocalTimeString } from '../time/local-date.util';

/**
 * Follow-up obligations as data. A region lists its rules; the engine (planObligations,
 * reminderSteps) evaluates them against the facts of one dossier. Nothing here is specific to a
 * region: CO3 Antwerpen and Vlaams-Brabant differ only in the rules they list.
 */

/**
 * What happens in the life of a dossier, as far as obligations care, derived from its facts (see
 * obligationEvents). Stable keys, stored with obligations and used in region configurations; the
 * ones the dossier lifecycle also emits are spelled as there (DOSSIER_EVENT_TYPES).
 * - `casusregisseur-aangesteld`: the ICO appointed a casusregisseur ("ketenaanpak met
 *   casusregie"); dated on the start the ICO set. Casusregie itself may still wait for consent.
 * - `casusregie-gestart`: the start date S of casusregie is known (the consent is there).
 * - `instemming-geregistreerd`: consent of at least one adult family member was verified.
 * - `kinderen-gehoord`: every child over 12 was heard, or the casusregisseur noted why not.
 * - `consulent-betrokken`: an OCJ/SDJ consulent co-runs the case (during casusregie).
 * - `consulent-geconsulteerd`: the casusregisseur consulted the consulent about the afronding
 *   (annex B: "stemmen met elkaar af, vooraleer ze overgaan tot afronding").
 * - `pva-besproken`: the Weegploeg discussed a plan van aanpak; happens once per review and
 *   carries the terugkomdatum for the Ronde Tafel.
 * - `afronding-goedgekeurd`: the Weegploeg approved the afronding (date A).
 * - `afgesloten`: the dossier was closed at the Ronde Tafel.
 * - `vervolgoverleg-gepland`: the ICO that started casusregie set the date of the first
 *   vervolgoverleg; carries that date (`geplande-datum`).
 * - `bijkomend-casusoverleg-gepland`: the casusregisseur was absent at that ICO, so a bijkomend
 *   casusoverleg with them was planned; carries its date.
 */
export const OBLIGATION_EVENT_KEYS = [
  'casusregisseur-aangesteld',
  'casusregie-gestart',
  'instemming-geregistreerd',
  'kinderen-gehoord',
  'consulent-betrokken',
  'consulent-geconsulteerd',
  'pva-besproken',
  'afronding-goedgekeurd',
  'afgesloten',
  'vervolgoverleg-gepland',
  'bijkomend-casusoverleg-gepland',
] as const;
export type ObligationEventKey = (typeof OBLIGATION_EVENT_KEYS)[number];

/**
 * The dossier date a due date hangs on. `trigger` is the date of the event occurrence that created
 * the obligation; `terugkomdatum` is the one set by the triggering `pva-besproken` (or by the
 * latest one when the trigger is another event), falling back to the date of that review when
 * the Weegploeg set none; `geplande-datum` is the date the triggering event planned (the day of
 * a vervolgoverleg or a bijkomend casusoverleg).
 */
export type DossierDateKey =
  'trigger' | 'casusregie-start' | 'afronding' | 'afsluiting' | 'terugkomdatum' | 'geplande-datum';

export type DurationUnit = 'days' | 'weeks' | 'months';

/** A calendar duration: months are calendar months (31 August + 6 months = end of February). */
export interface ObligationDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** Due at a wall-clock time on the date `offset` after a dossier date (e.g. A + 6 months, 09:00). */
export interface OffsetDueSpec {
  readonly kind: 'offset';
  readonly from: DossierDateKey;
  readonly offset: ObligationDuration;
  readonly time: LocalTimeString;
}

/**
 * Due at the first open session of a table whose date lies at least `atLeast` after a dossier
 * date: at its submission deadline (the usual case, so the item is on time) or at its start.
 * Cancelled sessions are skipped, so cancelling that session moves the due date to the next one.
 */
export interface SessionDueSpec {
  readonly kind: 'session';
  readonly table: string;
  readonly from: DossierDateKey;
  readonly atLeast: ObligationDuration;
  readonly dueAt: 'deadline' | 'start';
}

/**
 * Due with another rule's first obligation (e.g. "children heard before the first Weegploeg":
 * due at the deadline of the session the first plan van aanpak goes to). When that obligation was
 * fulfilled by agendering, the session it was agendered for counts.
 */
export interface SameAsDueSpec {
  readonly kind: 'same-as';
  readonly rule: string;
}

/**
 * Due at the session an agendapunt of one of the types is on: the dossier's latest such item on
 * the table (rolled over, it moves with it), at that session's deadline or start. While there is
 * no such item there is no due date, so no obligation yet: "before the afronding goes to the
 * Weegploeg" becomes a task when the afronding is agendered.
 */
export interface ItemSessionDueSpec {
  readonly kind: 'item-session';
  readonly table: string;
  readonly itemTypes: readonly string[];
  readonly dueAt: 'deadline' | 'start';
}

export type DueSpec = OffsetDueSpec | SessionDueSpec | SameAsDueSpec | ItemSessionDueSpec;

/**
 * The roles that own or receive obligations; a coordinator is always one of a table, the
 * strategic coordinators are the region's (all of them: whoever of them gets to it first).
 */
export type ObligationRole = Extract<Role, 'casusregisseur' | 'coordinator' | 'strategisch-coordinator'>;

export type ObligationParty =
  | { readonly role: 'casusregisseur' }
  | { readonly role: 'coordinator'; readonly table: string }
  | { readonly role: 'strategisch-coordinator' };

/**
 * The short forms an owner fills in on the obligation's page, each fulfilling it when submitted:
 * - `vervolghulp`: six months after the afronding, did the follow-up help start, which help
 *   (guide III.E); the answer goes to the coordinators of the Ronde Tafel.
 * - `kwaliteitscontrole`: the last check of a closed dossier (guide V.D), a checklist and remarks.
 */
export const OBLIGATION_FORMS = ['vervolghulp', 'kwaliteitscontrole'] as const;
export type ObligationForm = (typeof OBLIGATION_FORMS)[number];

/** Facts that decide whether a rule applies at all; evaluated on the current facts. */
export type ObligationCondition =
  | { readonly kind: 'consulent-betrokken' }
  | { readonly kind: 'kinderen-boven-12' }
  /** Region-specific tracks, e.g. Vlaams-Brabant's `spoor-2` / `spoor-3`. */
  | { readonly kind: 'traject'; readonly in: readonly string[] };

/**
 * What fulfils an obligation; any one of a rule's list will do.
 * - `agenda-item`: an agendapunt of one of the types on the table, for the dossier, submitted on
 *   or after the moment the obligation opened and not withdrawn (agendering is what counts, not
 *   the discussion: the casusregisseur cannot do more than bring it).
 * - `decision`: a decision of one of the kinds, taken on or after the moment it opened.
 * - `event`: a dossier event, whenever it happened (consent verified before casusregie started is
 *   exactly what the consent obligation asks for).
 * - `manual`: the owner marks it done with a note (e.g. an alignment talk).
 * - `form`: the owner fills in the short form on the obligation's page (OBLIGATION_FORMS); a
 *   note alone does not do (only a coordinator may close it by hand, as any obligation).
 */
export type FulfilmentSpec =
  | { readonly kind: 'agenda-item'; readonly table: string; readonly itemTypes: readonly string[] }
  | { readonly kind: 'decision'; readonly decisionKinds: readonly DecisionKind[] }
  | { readonly kind: 'event'; readonly event: ObligationEventKey }
  | { readonly kind: 'manual' }
  | {
      readonly kind: 'form';
      readonly form: ObligationForm;
      /** Who is told (a mail with the code and a link) when it is submitted, to read the answers. */
      readonly reportTo?: ObligationParty;
    };

/**
 * Reminders to the owner, whole calendar days before the due date at a wall-clock time in the
 * region's zone. A reminder that would come after the due moment (day 0 when the due time is
 * earlier than the reminder time) goes out at the due moment. With `avoidWeekends`, a reminder
 * that falls on a Saturday or Sunday goes out the Friday before: earlier, never later, so it
 * still comes before the due date.
 */
export interface ReminderSchedule {
  readonly daysBeforeDue: readonly number[];
  readonly time: LocalTimeString;
  readonly avoidWeekends: boolean;
}

/**
 * After the due date, while open: a mail to `to`, the first `firstAfterDays` days after the due
 * date, then every `repeatEveryDays` days, at `time`. With `avoidWeekends` an escalation that
 * falls in a weekend waits for the Monday after. `maxRepeats` bounds the series (all of them
 * count, the first included); without it, reminderSteps stops at its horizon.
 */
export interface EscalationSpec {
  readonly to: ObligationParty;
  readonly firstAfterDays: number;
  readonly repeatEveryDays: number;
  readonly time: LocalTimeString;
  readonly avoidWeekends: boolean;
  readonly maxRepeats?: number;
}

/** The agendering form a reminder links to, pre-filled with table and item type (and session). */
export interface AgenderingTarget {
  readonly table: string;
  readonly itemType: string;
}

export interface ObligationRule {
  /** Stable key, stored with each obligation. */
  readonly key: string;
  /** Dutch, shown to users and in the mails. */
  readonly label: string;
  /** Dutch, why it exists and what counts as done; shown with the obligation. */
  readonly explanation?: string;
  /**
   * The event that creates it. An event that happens more than once (`pva-besproken`) creates one
   * obligation per occurrence (sequence = occurrence number); a newer occurrence supersedes an
   * older obligation that is still open.
   */
  readonly trigger: ObligationEventKey;
  /** All must hold; when one stops holding, the open obligation is no longer planned. */
  readonly onlyIf?: readonly ObligationCondition[];
  /**
   * Once one of these events happened, open obligations of the rule are no longer planned
   * (e.g. an interim evaluation that is moot after afronding). Fulfilled ones stay.
   */
  readonly endsWith?: readonly ObligationEventKey[];
  /**
   * `after-fulfilment`: when an obligation is fulfilled the next one opens, due by the same
   * spec measured from the fulfilment date ("at least every three months"). Never two open at
   * once. Only for rules whose trigger happens once.
   */
  readonly repeat?: 'after-fulfilment';
  readonly due: DueSpec;
  readonly owner: ObligationParty;
  /** Nice to have, not required: never escalated, shown as optional. */
  readonly optional?: boolean;
  readonly reminders: ReminderSchedule;
  readonly escalation?: EscalationSpec;
  readonly fulfilledBy: readonly FulfilmentSpec[];
  readonly agendering?: AgenderingTarget;
}
