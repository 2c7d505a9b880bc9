import { Role } from '../organisation/organisation-kind';
import { ObligationOutcomeCode } from './obligation-outcome.model';
import { ObligationRule } from './obligation-rule.model';

export interface ManualFulfilmentInput {
  readonly note: string;
  /** The role the person acts in (for a coordinator: at the owner's or escalation table). */
  readonly byRole: Role;
}

export type ManualFulfilmentCheck =
  | { readonly ok: true; readonly note: string }
  | {
      readonly ok: false;
      readonly code: Extract<
        ObligationOutcomeCode,
        'OBLIGATION_NOT_OPEN' | 'FULFILMENT_NOTE_REQUIRED' | 'MANUAL_FULFILMENT_NOT_ALLOWED'
      >;
      /** Dutch, for the form. */
      readonly message: string;
    };

/**
 * Whether someone may mark an obligation done by hand. Always with a note: a manual "done" is the
 * only trace of what happened (the alignment talk, the report to the coordinator). Where the rule
 * lists `manual`, that is the normal way and the owner's role may do it; elsewhere the facts
 * fulfil it (an agenda item, a decision) and only a coordinator may close it by hand, for the
 * exceptions life brings (the family moved away).
 */
export function checkManualFulfilment(
  rule: ObligationRule,
  obligation: { readonly status: 'open' | 'fulfilled' | 'cancelled' },
  input: ManualFulfilmentInput,
): ManualFulfilmentCheck {
  if (obligation.status !== 'open') {
    return { ok: false, code: 'OBLIGATION_NOT_OPEN', message: 'Deze opvolgingstaak is niet meer open.' };
  }
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (note === '') {
    return {
      ok: false,
      code: 'FULFILMENT_NOTE_REQUIRED',
      message: 'Noteer kort wat er gebeurd is voor u de taak als afgerond markeert.',
    };
  }
  const manualIsNormal = rule.fulfilledBy.some((f) => f.kind === 'manual');
  const allowed = input.byRole === 'coordinator' || (manualIsNormal && input.byRole === rule.owner.role);
  if (!allowed) {
    return {
      ok: false,
      code: 'MANUAL_FULFILMENT_NOT_ALLOWED',
      message: manualIsNormal
        ? 'Alleen de eigenaar van de taak of een coördinator kan ze afronden.'
        : rule.fulfilledBy.some((f) => f.kind === 'form')
          ? 'Deze taak rondt u af met het formulier op de pagina van de taak; enkel een coördinator kan ze met een toelichting afsluiten.'
          : 'Deze taak wordt afgerond door te agenderen of door een beslissing; enkel een coördinator kan ze met een toelichting afsluiten.',
    };
  }
  return { ok: true, note };
}
