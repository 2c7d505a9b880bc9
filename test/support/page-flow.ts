import type { PageUser } from './page-client';

/** The fields of a complete aanmelding form for a fictitious family. */
export function aanmeldingForm(
  organisationId: string,
  contactEmail: string,
  whyNow: string,
): Record<string, string> {
  return {
    organisationId,
    contactEmail,
    whyNow,
    violenceDescription: 'Partnergeweld met kinderen als getuige.',
    situationAtStart: 'Samenwonend met twee kinderen.',
    situationNow: 'Moeder verblijft tijdelijk bij familie.',
    mainRisks: 'Herhaling en escalatie bij contact.',
    'client-0-label': 'Moeder (M.)',
    'client-0-role': 'slachtoffer',
    'client-0-age': '34',
    'client-1-label': 'Vader (V.)',
    'client-1-role': 'pleger',
    clientRelations: 'Ouders van twee kinderen.',
    servicesInvolved: 'CAW en huisarts.',
    safetyPlanExists: 'nee',
    questionsAndExpectations: 'Is ketenaanpak aangewezen?',
    confidentialityConfirmed: 'on',
    familyInformed: 'ja',
  };
}

/** Files an aanmelding through the page and returns the new dossier code. */
export async function fileAanmelding(
  user: PageUser,
  organisationId: string,
  contactEmail: string,
  whyNow: string,
): Promise<string> {
  const filed = await user.post('/aanmelding', aanmeldingForm(organisationId, contactEmail, whyNow));
  if (filed.status !== 303 || !filed.location) throw new Error(`aanmelding answered ${filed.status}`);
  const page = await user.get(filed.location);
  const code = /data-dossier-code>([^<]+)</.exec(page.html)?.[1];
  if (page.status !== 200 || !code) throw new Error(`the confirmation answered ${page.status}`);
  return code;
}
