import type { DecisionKind, DossierSnapshot, LocalDateString } from '@overlegtafels/domain';
import type { Transaction } from './unit-of-work.port';

/** The decision that stands on an agendapunt, with what it changed and the fields it was given. */
export interface StandingDecision {
  readonly id: string;
  readonly dossierId: string;
  readonly agendaItemId: string;
  readonly tableKey: string;
  readonly kind: DecisionKind;
  readonly decidedAt: Date;
  /** The start of the zitting that decided it. */
  readonly sessionStartsAt: Date;
  readonly priorState: DossierSnapshot | null;
  readonly resultState: DossierSnapshot | null;
  /** herbespreking: the ICO item the decision made. */
  readonly followUpItemId: string | null;
  readonly adviceText: string | null;
  readonly safetyPlanAdvice: string | null;
  readonly parketmeldingAdvies: boolean;
  readonly missingInformation: string | null;
  readonly casusregisseurId: string | null;
  readonly startDate: LocalDateString | null;
  readonly terugkomdatum: LocalDateString | null;
  readonly vervolgoverlegDate: LocalDateString | null;
  readonly casusregisseurAbsent: boolean;
  readonly bijkomendCasusoverlegDate: LocalDateString | null;
}

/** What happened in the dossier after a decision, for the check whether it may be withdrawn. */
export interface DecisionAftermath {
  /** The dossier's standing decisions recorded after it, with the start of their zitting. */
  readonly laterDecisions: readonly { readonly kind: DecisionKind; readonly sessionStartsAt: Date }[];
  /** Agendapunten submitted after it, not withdrawn, its own herbespreking item left out. */
  readonly laterItems: readonly { readonly tableKey: string; readonly sessionStartsAt: Date }[];
  /** Obligations someone marked done or answered (a form) after it. */
  readonly fulfilledSince: readonly { readonly ruleKey: string; readonly fulfilledAt: Date }[];
  /** The status of its herbespreking item, if it made one. */
  readonly followUpItemStatus: string | null;
  /** Whom its letters went to (the outbox rows it wrote), each address once. */
  readonly told: readonly { readonly email: string; readonly personId: string | null }[];
}

/** A withdrawal as it is kept on the decision. */
export interface DecisionWithdrawal {
  readonly at: Date;
  readonly byId: string;
  readonly reason: string;
}

/**
 * The history of decisions: reading the standing one with what followed it, and withdrawing it
 * (the row stays, off its agendapunt, with who, when and why).
 */
export abstract class DecisionHistory {
  abstract standingOfItem(tx: Transaction | undefined, itemId: string): Promise<StandingDecision | undefined>;
  abstract aftermathOf(tx: Transaction | undefined, decision: StandingDecision): Promise<DecisionAftermath>;
  /**
   * The dossier's facts back as `restore` says, the decision withdrawn (off its agendapunt), the
   * agendapunt again awaiting a decision, and its herbespreking item, if any, withdrawn. False
   * (nothing written) when the decision no longer stands (withdrawn meanwhile).
   */
  abstract withdraw(
    tx: Transaction,
    decision: StandingDecision,
    restore: DossierSnapshot,
    withdrawal: DecisionWithdrawal,
  ): Promise<boolean>;
  /** The withdrawn decision was replaced by `replacedById` (a change of the decision). */
  abstract markReplaced(tx: Transaction, decisionId: string, replacedById: string): Promise<void>;
}
