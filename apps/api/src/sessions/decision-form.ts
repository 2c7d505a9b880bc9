import { DecisionFormInput, DecisionSchema, InputError, parseInput, WithdrawDecisionSchema } from '@overlegtafels/application';

/** The form fields of a decision; `noConsentAdviceText` is the advice of "geen instemming". */
export const DECISION_FIELDS = [
  'kind',
  'adviceText',
  'safetyPlanAdvice',
  'parketmeldingAdvies',
  'casusregisseurId',
  'startDate',
  'consentVerified',
  'consentVerifiedOn',
  'consentGivenBy',
  'vervolgoverlegDate',
  'casusregisseurAbsent',
  'bijkomendCasusoverlegDate',
  'missingInformation',
  'noConsentAdviceText',
  'terugkomdatum',
  'traject',
] as const;

/**
 * The decision form's values as DecisionSchema reads them: an empty field is a field not filled in
 * ("is verplicht"), not an invalid value; the advice of "geen instemming" has its own field.
 */
export function decisionFields(values: Record<string, string>): Record<string, string> {
  const decision: Record<string, string> = Object.fromEntries(
    Object.entries(values).filter(([, v]) => v.trim() !== ''),
  );
  if (values.kind === 'geen_instemming') {
    delete decision.adviceText;
    if (decision.noConsentAdviceText) decision.adviceText = decision.noConsentAdviceText;
  }
  return decision;
}

/** The advice of "geen instemming" is refused on its own field of the page. */
export function onPageFields(error: unknown, kind: string | undefined): unknown {
  if (error instanceof InputError && kind === 'geen_instemming') {
    return new InputError(
      error.errors.map((e) => (e.field === 'adviceText' ? { ...e, field: 'noConsentAdviceText' } : e)),
    );
  }
  return error;
}

/** The reason and the new decision of a change form, every error of both at once. */
export function parseChangeForm(values: Record<string, string>): { reason: string; decision: DecisionFormInput } {
  const errors = [];
  let reason: string | undefined;
  let decision: DecisionFormInput | undefined;
  try {
    reason = parseInput(WithdrawDecisionSchema, { reason: values.reason }).reason;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    errors.push(...error.errors);
  }
  try {
    decision = parseInput(DecisionSchema, decisionFields(values));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    errors.push(...(onPageFields(error, values.kind) as InputError).errors);
  }
  if (errors.length > 0 || reason === undefined || decision === undefined) throw new InputError(errors);
  return { reason, decision };
}
