import { LocalDateString, parseLocalDate } from '../time/local-date.util';
import { formatDutchDate } from './dossier-date.util';
import { DossierRefusal, refuse } from './dossier-outcome.model';
import {
  assertDossierState,
  DossierState,
  hasActiveCasusregisseur,
  isAfgesloten,
  type PhaseBook,
} from './dossier.model';

/**
 * Why the casusregie changes hands (guide II.F: a partner already working with the family may
 * take it on temporarily until a casusregisseur of a chain partner is available; and people
 * leave). Stable keys, stored with the change.
 */
export const CASUSREGISSEUR_CHANGE_REASONS = ['tijdelijk-naar-definitief', 'vertrek', 'andere'] as const;
export type CasusregisseurChangeReason = (typeof CASUSREGISSEUR_CHANGE_REASONS)[number];

export const CASUSREGISSEUR_CHANGE_REASON_LABELS: Readonly<Record<CasusregisseurChangeReason, string>> = {
  'tijdelijk-naar-definitief': 'tijdelijke casusregie gaat over naar een vaste casusregisseur',
  vertrek: 'de casusregisseur vertrekt of is niet meer beschikbaar',
  andere: 'andere reden',
};

export function isCasusregisseurChangeReason(value: unknown): value is CasusregisseurChangeReason {
  return typeof value === 'string' && (CASUSREGISSEUR_CHANGE_REASONS as readonly string[]).includes(value);
}

export interface CasusregisseurChangeInput {
  readonly toPersonId: string;
  /** The day the new casusregisseur takes over (the history's date; access moves at once). */
  readonly effectiveDate: LocalDateString;
  readonly reason: CasusregisseurChangeReason;
  /** Free text; required with `andere`, so the reason is never only "other". */
  readonly note?: string;
}

export interface CasusregisseurChangeContext {
  /** Today, in the region's zone. */
  readonly today: LocalDateString;
  /**
   * Since when the current casusregisseur directs the dossier: the day of their own takeover, or
   * the start of casusregie (the ICO's decision) for the first one; undefined when unknown.
   */
  readonly currentSince?: LocalDateString;
  /** The region's dossier life, whose phases say what the dossier's phase means. */
  readonly life: PhaseBook;
}

export type CasusregisseurChangeOutcome =
  { readonly ok: true; readonly next: DossierState; readonly fromPersonId: string } | DossierRefusal;

/**
 * A coordinator hands the casusregie of a dossier to another casusregisseur. Only while there is
 * casusregie to hand over (in casusregie, or afgerond: the six-month check and the afsluiting
 * still fall to the casusregisseur); never to the same person; dated between the day the current
 * one took over and today. Whether the new person is a casusregisseur of the region is the
 * application's to check (it knows the people).
 */
export function changeCasusregisseur(
  state: DossierState,
  input: CasusregisseurChangeInput,
  context: CasusregisseurChangeContext,
): CasusregisseurChangeOutcome {
  assertDossierState(state, context.life);
  // Only while there is casusregie to hand over: in casusregie or afgerond.
  if (!hasActiveCasusregisseur(context.life, state.phase) || !state.casusregisseurId) {
    return refuse(
      'ILLEGAL_TRANSITION',
      isAfgesloten(context.life, state.phase)
        ? 'Een afgesloten dossier wordt niet meer gewijzigd.'
        : 'Dit dossier heeft geen casusregisseur die kan wisselen: er is (nog) geen casusregie.',
    );
  }
  if (input.toPersonId === state.casusregisseurId) {
    return refuse(
      'FIELD_INVALID',
      'Deze persoon is al de casusregisseur van het dossier; kies iemand anders.',
      'casusregisseurId',
    );
  }
  const day = parseLocalDate(input.effectiveDate);
  if (day === undefined) {
    return refuse(
      'FIELD_INVALID',
      `De datum van de overdracht is geen geldige datum (jjjj-mm-dd): "${input.effectiveDate}".`,
      'effectiveDate',
    );
  }
  if (day > parseLocalDate(context.today)!) {
    return refuse(
      'FIELD_INVALID',
      'De datum van de overdracht kan niet in de toekomst liggen: registreer de overdracht op de dag zelf.',
      'effectiveDate',
    );
  }
  if (context.currentSince && day < parseLocalDate(context.currentSince)!) {
    return refuse(
      'FIELD_INVALID',
      `De overdracht (${formatDutchDate(input.effectiveDate)}) kan niet vóór ${formatDutchDate(context.currentSince)} liggen, de dag waarop de huidige casusregisseur begon.`,
      'effectiveDate',
    );
  }
  if (input.reason === 'andere' && (input.note ?? '').trim() === '') {
    return refuse('FIELD_REQUIRED', 'Licht de reden van de overdracht kort toe.', 'note');
  }
  return {
    ok: true,
    next: { ...state, casusregisseurId: input.toPersonId },
    fromPersonId: state.casusregisseurId,
  };
}

/** One change as it is kept with the dossier. */
export interface CasusregisseurChangeFact {
  readonly fromPersonId: string;
  readonly toPersonId: string;
  readonly effectiveDate: LocalDateString;
  readonly reason: CasusregisseurChangeReason;
}

/** Who directed the dossier from when to when; `until` absent for the current one. */
export interface CasusregisseurPeriod {
  readonly personId: string;
  readonly from?: LocalDateString;
  readonly until?: LocalDateString;
  /** Why this person took over; absent for the first one (the ICO's appointment). */
  readonly reason?: CasusregisseurChangeReason;
}

/**
 * The history of the casusregie: the first casusregisseur from the start of casusregie, then one
 * period per change, oldest first. `changes` in the order they were recorded.
 */
export function casusregisseurPeriods(
  dossier: { readonly casusregisseurId: string | null; readonly casusregieStart?: LocalDateString },
  changes: readonly CasusregisseurChangeFact[],
): CasusregisseurPeriod[] {
  const start = dossier.casusregieStart ? { from: dossier.casusregieStart } : {};
  const first = changes[0];
  if (!first) return dossier.casusregisseurId ? [{ personId: dossier.casusregisseurId, ...start }] : [];
  const periods: CasusregisseurPeriod[] = [
    { personId: first.fromPersonId, ...start, until: first.effectiveDate },
  ];
  changes.forEach((c, i) => {
    const next = changes[i + 1];
    periods.push({
      personId: c.toPersonId,
      from: c.effectiveDate,
      ...(next && { until: next.effectiveDate }),
      reason: c.reason,
    });
  });
  return periods;
}
