import { z } from 'zod';
import { reason } from '../input/input-fields';
import { DecisionSchema, type DecisionActor, type DecisionFormInput } from '../record-decision/record-decision.command';

/** Withdraw the decision that stands on an agendapunt, with the coordinator's reason. */
export interface WithdrawDecisionCommand {
  readonly actor: DecisionActor;
  readonly itemId: string;
  readonly reason: string;
  /** The form's one-time key or the API's Idempotency-Key. */
  readonly submissionKey?: string;
}

/** Replace the decision that stands on an agendapunt by another (kind or fields), with a reason. */
export interface ChangeDecisionCommand {
  readonly actor: DecisionActor;
  readonly itemId: string;
  readonly reason: string;
  readonly decision: DecisionFormInput;
  readonly submissionKey?: string;
}

/** The API's and the form's body of a withdrawal. */
export const WithdrawDecisionSchema = z.object({ reason });

/** The API's body of a change: the reason and the new decision, as when recording one. */
export const ChangeDecisionSchema = z.object({ reason, decision: DecisionSchema });

export interface WithdrawalResult {
  /** The decision withdrawn. */
  readonly decisionId: string;
  readonly dossierCode: string;
  /** The dossier's phase afterwards (as before the decision). */
  readonly phase: string;
}

export interface DecisionChangeResult {
  /** The new decision. */
  readonly decisionId: string;
  /** The decision it replaced. */
  readonly replacedDecisionId: string;
  readonly dossierCode: string;
  readonly phase: string;
  readonly followUpItemId?: string;
}
