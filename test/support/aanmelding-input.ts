/**
 * A complete aanmelding as the API takes it, about a fictitious family (no names), with the
 * answers to the region's own questions (none in CO3).
 */
export function aanmeldingInput(
  organisationId: string,
  contactEmail: string,
  whyNow: string,
  regionAnswers: Record<string, string | string[]> = {},
) {
  return {
    organisationId,
    contactEmail,
    whyNow,
    violenceDescription: 'Psychisch partnergeweld.',
    situationAtStart: 'Gezin met een kind.',
    situationNow: 'Spanningen nemen toe.',
    mainRisks: 'Herhaling.',
    clients: [
      { label: 'Persoon A', role: 'slachtoffer', age: 34 },
      { label: 'Persoon B', role: 'pleger', age: 36 },
    ],
    clientRelations: 'A en B zijn partners.',
    servicesInvolved: 'Huisarts en politie.',
    safetyPlanExists: false,
    questionsAndExpectations: 'Afstemming tussen de diensten.',
    confidentialityConfirmed: true,
    familyInformed: true,
    regionAnswers,
  };
}
