import { loginAs, TestApp } from './test-app';

/** The answers a Weegploeg plan van aanpak asks (annex G), as JSON. */
export const WEEGPLOEG_BRIEF = {
  whyNow: 'Twee maanden casusregie: het eerste plan.',
  domains: ['geweld'],
  safetyAgreements: 'Er is een veiligheidsplan met de moeder.',
  childrenOver12Heard: 'ja',
};

/** The answers an afronding asks on top (annex G, part 3: the goals of the plan and the three goals of CO3). */
export const AFRONDING_BRIEF = {
  ...WEEGPLOEG_BRIEF,
  goalsReached: 'De veiligheidsafspraken lopen.',
  violenceStopped: 'Geen nieuwe meldingen.',
  recurrencePrevented: 'Agressieregulatie gevolgd.',
  riskFactorsReduced: 'De escalatie is weg.',
};

/** The same answers as the fields of a form: `brief.<field>` on the page, `brief[<field>]` for the API's multipart. */
export function briefFields(
  brief: Record<string, string | string[]>,
  style: 'page' | 'api',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(brief)) {
    const name = style === 'page' ? `brief.${k}` : `brief[${k}]`;
    if (Array.isArray(v)) v.forEach((x, i) => (out[style === 'page' ? name : `${name}[${i}]`] = x));
    else out[name] = v;
  }
  return out;
}

/** PUT of a whole plan van aanpak by the API, as this logged-in person. */
export function putPlan(
  t: TestApp,
  who: { cookie: string; csrfToken: string },
  code: string,
  body: unknown,
): Promise<Response> {
  return fetch(`${t.baseUrl}/api/dossiers/${code}/plan-van-aanpak`, {
    method: 'PUT',
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrfToken,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
  });
}

/**
 * Writes a one-row plan van aanpak for the dossier as its casusregisseur, through the API, so a
 * Weegploeg plan can be agendered (annex E: the plan is written in the service).
 */
export async function writePlan(t: TestApp, casusregisseurEmail: string, code: string): Promise<void> {
  const res = await putPlan(t, await loginAs(t, casusregisseurEmail), code, {
    profiles: ['situationeel-geweld'],
    rows: [{ domainKey: 'geweld', factorKey: 'geweld-escalatie', actie: 'Veiligheidsplan opvolgen' }],
  });
  if (res.status !== 200)
    throw new Error(`writing the plan of ${code} answered ${res.status}: ${await res.text()}`);
}

/**
 * A fictitious family brought into casusregie for Tom Peeters through the real use cases, over
 * the API: Eva Wouters' aanmelding on Monday 23 November 2026, the ICO of Friday 4 December
 * appointing Tom from 7 December with the consent verified there. Leaves the clock on Thursday
 * 10 December, 10:00; answers the dossier's code.
 */
export async function familyInCasusregie(
  t: TestApp,
  clock: { set(iso: string): void },
  clients: readonly { label: string; role: string; age: number }[],
): Promise<string> {
  const { createPrismaClient } = await import('@overlegtafels/persistence');
  const db = createPrismaClient(t.db.url, 1);
  const tomId = (await db.person.findFirstOrThrow({ where: { email: 'tom.peeters@example.org' } })).id;
  const politie = (await db.organisation.findFirstOrThrow({ where: { kind: 'politie' } })).id;
  await db.$disconnect();
  clock.set('2026-11-23T09:00:00+01:00');
  const eva = await loginAs(t, 'eva.wouters@example.org');
  const filed = await eva.post('/api/aanmeldingen', {
    organisationId: politie,
    contactEmail: 'eva.wouters@example.org',
    whyNow: 'Nieuw incident.',
    violenceDescription: 'Partnergeweld.',
    situationAtStart: 'Gezin in spanning.',
    situationNow: 'Spanningen blijven.',
    mainRisks: 'Herhaling.',
    clients,
    clientRelations: 'Persoon A en Persoon B zijn partners.',
    servicesInvolved: 'CAW.',
    safetyPlanExists: false,
    questionsAndExpectations: 'Afstemming.',
    confidentialityConfirmed: true,
    familyInformed: true,
  });
  if (filed.status !== 201) throw new Error(`aanmelding answered ${filed.status}: ${await filed.text()}`);
  const { dossierCode, agendaItemId } = (await filed.json()) as { dossierCode: string; agendaItemId: string };
  clock.set('2026-12-04T09:40:00+01:00');
  const lotte = await loginAs(t, 'lotte.verbeke@example.be');
  const decided = await lotte.post(`/api/agenda-items/${agendaItemId}/decision`, {
    kind: 'met_casusregie',
    casusregisseurId: tomId,
    startDate: '2026-12-07',
    consentVerified: true,
  });
  if (decided.status !== 201) throw new Error(`decision answered ${decided.status}: ${await decided.text()}`);
  clock.set('2026-12-10T10:00:00+01:00');
  return dossierCode;
}
