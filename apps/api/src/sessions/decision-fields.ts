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
] as const;
