import { Instant } from '../sessions/session.model';
import { LocalDateString } from '../time/local-date.util';
import type { DecisionKind } from '../dossier/dossier.model';
import { ObligationEventKey } from './obligation-rule.model';

export interface DecisionFact {
  readonly id: string;
  readonly kind: DecisionKind;
  readonly decidedAtMs: Instant;
  readonly tableKey?: string;
  /** Set with `pva_besproken`: the date the dossier is expected back at the Ronde Tafel. */
  readonly terugkomdatum?: LocalDateString;
  /** Set with `met_casusregie` when the ICO fixed the first vervolgoverleg at once. */
  readonly vervolgoverlegDate?: LocalDateString;
  /** Set with `met_casusregie` when the casusregisseur was absent: the bijkomend casusoverleg. */
  readonly bijkomendCasusoverlegDate?: LocalDateString;
}

export interface AgendaItemFact {
  readonly id: string;
  readonly tableKey: string;
  readonly itemType: string;
  readonly submittedAtMs: Instant;
  /** The session it is on now (`<table>:<scheduled date>`, as Session.key). */
  readonly sessionKey: string;
  /** A withdrawn item fulfils nothing; a rolled-over one still does. */
  readonly withdrawn: boolean;
}

/** A manual "done", as stored on the obligation. */
export interface ManualFulfilmentFact {
  /** The life of the dossier the obligation belongs to (DossierFacts.life); 1 when unset. */
  readonly life?: number;
  readonly ruleKey: string;
  readonly sequence: number;
  readonly atMs: Instant;
  readonly note: string;
}

/** A form submitted on the obligation's own page (FulfilmentSpec `form`), as stored on it. */
export interface FormFulfilmentFact {
  /** The life of the dossier the obligation belongs to (DossierFacts.life); 1 when unset. */
  readonly life?: number;
  readonly ruleKey: string;
  readonly sequence: number;
  readonly atMs: Instant;
}

/**
 * What the application knows about one dossier, as it stands now. Dates are local dates in the
 * region's zone. There is no phase here on purpose: the phase says where the dossier is, the dates
 * say when it got there, and due dates hang on the dates (which can be corrected after the fact).
 */
export interface DossierFacts {
  /**
   * The dossier's current life: 1, plus one for every heropening after new incidents. Unset: 1.
   * The obligations planned from these facts are the current life's; those of an earlier life are
   * its history (factsOfCurrentLife).
   */
  readonly life?: number;
  /**
   * When the current life began (the latest heropening); unset for the first life. Decisions,
   * agendapunten and registrations before it belong to an earlier life and plan nothing now.
   */
  readonly lifeStartedAtMs?: Instant;
  /**
   * The start the ICO set when it appointed the casusregisseur. Casusregie starts on it when the
   * consent is there, later when the consent comes later (then `casusregieStartDate` is that day).
   */
  readonly casusregiePlannedStartDate?: LocalDateString;
  readonly casusregieStartDate?: LocalDateString;
  readonly afrondingDate?: LocalDateString;
  readonly afsluitingDate?: LocalDateString;
  readonly consentVerifiedAtMs?: Instant;
  readonly consulentInvolved: boolean;
  /** When the consulent got involved; casusregie start when unknown or earlier. */
  readonly consulentInvolvedSince?: LocalDateString;
  /** The day the casusregisseur consulted the consulent about the afronding (annex B). */
  readonly consulentConsultedOn?: LocalDateString;
  readonly childrenOver12: number;
  readonly childrenOver12HeardAtMs?: Instant;
  /** Region-specific track (e.g. `spoor-2`), for rules that apply to one track only. */
  readonly traject?: string;
  readonly decisions: readonly DecisionFact[];
  readonly agendaItems: readonly AgendaItemFact[];
  readonly manualFulfilments: readonly ManualFulfilmentFact[];
  readonly formFulfilments?: readonly FormFulfilmentFact[];
}

/** One occurrence of an event in the life of a dossier. */
export interface ObligationEvent {
  readonly key: ObligationEventKey;
  /** 0 for the first occurrence of the key, 1 for the next, … (only `pva-besproken` repeats). */
  readonly index: number;
  readonly date: LocalDateString;
  /** The instant it happened; local midnight of `date` for events known by date only. */
  readonly atMs: Instant;
  readonly terugkomdatum?: LocalDateString;
  /** What the event planned for that day (a vervolgoverleg, a bijkomend casusoverleg). */
  readonly plannedDate?: LocalDateString;
  readonly decisionId?: string;
}
