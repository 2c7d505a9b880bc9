import type { DossierLife } from './dossier-life.model';
import { DossierState, regionPhaseLabel } from './dossier.model';
import { refuse, type DossierRefusal } from './dossier-outcome.model';

/** The longest reason a heropening keeps (a few sentences about the new incidents). */
export const REOPENING_REASON_MAX = 2000;

export interface ReopeningInput {
  /** Why: the new incidents, in a few words (no names: the dossier code is the reference). */
  readonly reason: string | undefined;
}

/**
 * A closed dossier reopened where the region's dossier life declares it (DossierLife.reopening):
 * it goes back to the intake phase as a new dossier state (no casusregisseur, no casusregie, no
 * afronding or afsluiting: the new life records its own). Its history stays: the decisions,
 * agendapunten and follow-up of the earlier life are kept beside the reopening. A region without
 * heropening, a dossier in another phase and a missing reason are refused with a Dutch message.
 */
export function reopenDossier(
  life: DossierLife,
  state: DossierState,
  input: ReopeningInput,
): { readonly ok: true; readonly next: DossierState } | DossierRefusal {
  const spec = life.reopening;
  if (!spec) {
    return refuse(
      'REOPENING_NOT_IN_REGION',
      'In deze regio wordt een afgesloten dossier niet heropend; meld het gezin bij nieuwe incidenten opnieuw aan.',
    );
  }
  if (!spec.from.includes(state.phase)) {
    const from = spec.from.map((p) => regionPhaseLabel(life, p)).join(' of ');
    return refuse(
      'REOPENING_NOT_ALLOWED',
      `Alleen een dossier dat ${from} is, kan heropend worden; dit dossier is in de fase "${regionPhaseLabel(life, state.phase)}".`,
    );
  }
  const reason = input.reason?.trim() ?? '';
  if (reason === '') return refuse('FIELD_REQUIRED', 'Reden: beschrijf kort de nieuwe incidenten.', 'reason');
  if (reason.length > REOPENING_REASON_MAX)
    return refuse('FIELD_INVALID', `Reden: hoogstens ${REOPENING_REASON_MAX} tekens.`, 'reason');
  return { ok: true, next: { phase: spec.to, noConsentReturns: 0 } };
}
