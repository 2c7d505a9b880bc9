import { LocalDateString, parseLocalDate } from '../time/local-date.util';
import { formatDutchDate } from './dossier-date.util';
import { DossierRefusal, refuse } from './dossier-outcome.model';
import { assertDossierState, DossierState, isAfgesloten } from './dossier.model';
import { intakeTableName, type DossierLife } from './dossier-life.model';

export interface StartCorrectionContext {
  /**
   * The day the ICO decided "ketenaanpak met casusregie"; absent for a dossier whose start was
   * taken over from before the service (no decision recorded here).
   */
  readonly startDecisionDate?: LocalDateString;
  /** The days of the decisions taken on the dossier since casusregie started (Weegploeg, Ronde Tafel). */
  readonly laterDecisionDates: readonly LocalDateString[];
  /** Today, in the region's zone. */
  readonly today: LocalDateString;
  /** The region's dossier life: what the dossier's phase means, the intake table's name. */
  readonly life: Pick<DossierLife, 'phases' | 'roles' | 'rules'>;
}

export type StartCorrectionOutcome =
  { readonly ok: true; readonly next: DossierState; readonly changed: boolean } | DossierRefusal;

/**
 * A coordinator corrects the start date of casusregie (a typo in the ICO's decision, a start that
 * slipped). The follow-up obligations hang on this date, so the rules that held at the start hold
 * for the corrected date too: not before the ICO's decision nor before the consent, not in the
 * future, not after the afronding or a decision already taken in casusregie. A closed dossier is
 * not changed any more.
 */
export function correctCasusregieStart(
  state: DossierState,
  startDate: unknown,
  context: StartCorrectionContext,
): StartCorrectionOutcome {
  assertDossierState(state, context.life);
  if (isAfgesloten(context.life, state.phase)) {
    return refuse('ILLEGAL_TRANSITION', 'Een afgesloten dossier wordt niet meer gewijzigd.');
  }
  if (state.casusregieStartDate === undefined) {
    return refuse('ILLEGAL_TRANSITION', 'Voor dit dossier is geen casusregie gestart.');
  }
  if (typeof startDate !== 'string' || startDate.trim() === '') {
    return refuse('FIELD_REQUIRED', 'De startdatum van de casusregie is verplicht.', 'startDate');
  }
  const day = parseLocalDate(startDate);
  if (day === undefined) {
    return refuse(
      'FIELD_INVALID',
      `De startdatum van de casusregie is geen geldige datum (jjjj-mm-dd): "${startDate}".`,
      'startDate',
    );
  }
  const date = startDate as LocalDateString;
  const notBefore = (
    limit: LocalDateString,
    why: string,
    code: 'FIELD_INVALID' | 'CONSENT_REQUIRED' = 'FIELD_INVALID',
  ): DossierRefusal | undefined =>
    day < parseLocalDate(limit)!
      ? refuse(
          code,
          `De startdatum (${formatDutchDate(date)}) kan niet vóór ${why} van ${formatDutchDate(limit)} liggen.`,
          'startDate',
        )
      : undefined;
  const notAfter = (limit: LocalDateString, why: string): DossierRefusal | undefined =>
    day > parseLocalDate(limit)!
      ? refuse(
          'FIELD_INVALID',
          `De startdatum (${formatDutchDate(date)}) kan niet na ${why} van ${formatDutchDate(limit)} liggen.`,
          'startDate',
        )
      : undefined;
  const firstLater = [...context.laterDecisionDates].sort()[0];
  const problem =
    (context.startDecisionDate
      ? notBefore(context.startDecisionDate, `de beslissing van ${intakeTableName(context.life).label}`)
      : undefined) ??
    (state.consent ? notBefore(state.consent.verifiedOn, 'de instemming', 'CONSENT_REQUIRED') : undefined) ??
    (day > parseLocalDate(context.today)!
      ? refuse(
          'FIELD_INVALID',
          'De startdatum van de casusregie kan niet in de toekomst liggen.',
          'startDate',
        )
      : undefined) ??
    (state.afrondingDate ? notAfter(state.afrondingDate, 'de afronding') : undefined) ??
    (firstLater ? notAfter(firstLater, 'de eerste beslissing in casusregie') : undefined);
  if (problem) return problem;
  return {
    ok: true,
    next: { ...state, casusregieStartDate: date },
    changed: date !== state.casusregieStartDate,
  };
}
