import type { ActionPointPolicy } from '../minutes/session-minutes.policy';
import type { RiskInstrument } from '../risk/risk-instrument.model';
import type { RetentionPolicy } from '../retention/retention.policy';
import type { AgenderingBriefKind } from '../plan-van-aanpak/agendering-brief.model';
import { HolidayCalendar } from '../calendar/holiday-calendar.model';
import type { DossierLife } from '../dossier/dossier-life.model';
import type { AanmeldingQuestion } from '../aanmelding/aanmelding-questions.model';
import type { ObligationRule } from '../obligations/obligation-rule.model';
import { OrganisationKind, OrganisationKinds, Role, TableFunction } from '../organisation/organisation-kind';
import { LocalDateString, LocalTimeString, Weekday } from '../time/local-date.util';

/**
 * A moment tied to a session, said the way the guide says it: "Monday 12:00 in the week before".
 * Weeks are ISO weeks (Monday–Sunday): 0 is the session's own week, 1 the week before, and so on.
 * The engine turns it into "so many days before the session date at this wall-clock time", so a
 * session a coordinator moves keeps the same lead times.
 */
export interface RelativeMoment {
  readonly weeksBefore: number;
  readonly weekday: Weekday;
  readonly time: LocalTimeString;
}

/** The agenda is frozen when it is sent (Weegploeg, Ronde Tafel)… */
export type FreezeRule = RelativeMoment | { readonly sameAs: 'agendaSend' };
/** …or sent the moment it is frozen (ICO). */
export type AgendaSendRule = RelativeMoment | { readonly sameAs: 'freeze' };

export interface ItemTypeDefinition {
  /** Stable key, stored with each agendapunt. */
  readonly key: string;
  /** Dutch label shown on agendas. */
  readonly label: string;
  readonly durationMinutes: number;
  /**
   * The written plan van aanpak this item brings: `required` (agendering refuses without one),
   * `optional` (its current version goes along if there is one); absent: none.
   */
  readonly planVanAanpak?: 'required' | 'optional';
  /** Which questions of the leidraad bij agendering (annexes F and G) the form asks. */
  readonly agenderingBrief?: AgenderingBriefKind;
}

/**
 * `vast`: at every session; `op-afroep`: invited when an item needs them; `eigen-agendapunt`:
 * attends only the slot of their own item (the aanmelder at the ICO, a consulent at the Weegploeg).
 */
export type Attendance = 'vast' | 'op-afroep' | 'eigen-agendapunt';

export type TableParticipant =
  | {
      readonly organisation: OrganisationKind;
      readonly attendance: Attendance;
      readonly function?: TableFunction;
      readonly note?: string;
    }
  | { readonly role: Role; readonly attendance: Attendance; readonly note?: string };

export interface TableRecurrence {
  readonly weekday: Weekday;
  readonly everyWeeks: number;
  /** The first session of the series; later ones follow every `everyWeeks` weeks. */
  readonly seriesStart: LocalDateString;
  /** The last date a session may fall on, if the series ends. */
  readonly seriesEnd?: LocalDateString;
}

/**
 * One overlegtafel as configuration. Everything that differs between tables and regions lives
 * here; the engine has no table-specific code. Closed periods, cancellations and moves are not
 * configuration: coordinators set them, so they reach the engine as calendar state.
 */
export interface TableDefinition {
  readonly key: string;
  /** Dutch name shown to users. */
  readonly name: string;
  readonly timeZone: string;
  readonly recurrence: TableRecurrence;
  readonly hours: { readonly start: LocalTimeString; readonly end: LocalTimeString };
  /** On time for a session iff submitted strictly before this moment. */
  readonly submissionDeadline: RelativeMoment;
  /** Partners start gathering information / documents are requested. */
  readonly preparationStart: RelativeMoment;
  /** From this moment the agenda is definitive. */
  readonly freeze: FreezeRule;
  readonly agendaSend: AgendaSendRule;
  /** Minutes available for agendapunten in one session. */
  readonly capacityMinutes: number;
  readonly itemTypes: readonly ItemTypeDefinition[];
  readonly participants: readonly TableParticipant[];
  readonly holidays: HolidayCalendar;
  /** Where the table meets, as the invitations and the agenda show it; a session may override it. */
  readonly meetingPlace?: MeetingPlace;
}

/**
 * Where a session takes place: a room and address, and optionally a link to join online (an
 * https URL). Configuration per table; a coordinator may set another one for one session.
 */
export interface MeetingPlace {
  readonly location: string;
  readonly onlineMeetingUrl?: string;
}

export interface RegionConfig {
  readonly key: string;
  /** Dutch name shown to users. */
  readonly name: string;
  readonly timeZone: string;
  /** Prefix of the region's dossier codes (`CO3` in `CO3-2026-0042`); default the key's initials. */
  readonly dossierCodePrefix?: string;
  /**
   * Who the region's mail comes from (From, Sender and calendar ORGANIZER), `Name <address>`; its
   * domain is the right-hand side of the region's calendar UIDs. MAIL_FROM overrides it in an
   * installation of one region. Unset: `<name> overlegtafels <overlegtafels@<key>.example.be>`.
   */
  readonly mailFrom?: string;
  readonly tables: readonly TableDefinition[];
  /**
   * The kinds of partner organisation in the region, each with its Dutch name: the kinds the
   * beheerder chooses from, the tables' participants and the follow-up forms name.
   */
  readonly organisationKinds: OrganisationKinds;
  /**
   * The kinds that take on help after the afronding (the six-month report's choices); unset: all
   * of `organisationKinds`.
   */
  readonly followUpHelpKinds?: readonly OrganisationKind[];
  /**
   * The dossier life, interpreted by the domain: which table takes the aanmeldingen, reviews the
   * plans, follows up and closes; the decisions per table and item type; the phase transitions.
   */
  readonly dossierLife: DossierLife;
  /** The region's own questions on the aanmelding form, after the common ones; none: only those. */
  readonly aanmeldingQuestions?: readonly AanmeldingQuestion[];
  /** Returns to the ICO after "geen instemming" (guide: "een beperkt aantal keer"); default 2. */
  readonly noConsentReturnLimit?: number;
  /** Follow-up rules (obligations/); a region without them plans no obligations. */
  readonly obligations?: readonly ObligationRule[];
  /** Reminders and escalation of the verslag's action points; default DEFAULT_ACTION_POINT_POLICY. */
  readonly actionPoints?: ActionPointPolicy;
  /**
   * The shared mailbox of the criminologists who, after "ketenaanpak zonder casusregisseur", get
   * in touch with the aanmelder and connect with the parket (CO3 guide II.F). Every such decision
   * mails it; a region whose intake table can take that decision must set it.
   */
  readonly criminologenMailbox?: string;
  /**
   * The organisation kinds of the aanmelders who may go on "zonder casusregisseur" (CO3 guide I.I:
   * police, parket or family-oriented help services). Unset: open to every aanmelder.
   */
  readonly zonderCasusregisseurAanmelders?: readonly OrganisationKind[];
  /**
   * The region's risk-assessment instrument (CO3: annex E's kijkschema) with the IFG profiles of
   * its plan van aanpak. A region without one records no risk picture.
   */
  readonly riskInstrument?: RiskInstrument;
  /**
   * How long an ended dossier is kept before it is destroyed (afgesloten, geen ketenaanpak), with
   * where the periods come from. Unset: DEFAULT_RETENTION (a choice, see the README).
   */
  readonly retention?: RetentionPolicy;
}
