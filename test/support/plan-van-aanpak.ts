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

/**
 * Writes a one-row plan van aanpak for the dossier as its casusregisseur, through the API, so a
 * Weegploeg plan can be agendered (annex E: the plan is written in the service).
 */
export async function writePlan(t: TestApp, casusregisseurEmail: string, code: string): Promise<void> {
  const who = await loginAs(t, casusregisseurEmail);
  const res = await fetch(`${t.baseUrl}/api/dossiers/${code}/plan-van-aanpak`, {
    method: 'PUT',
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrfToken,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({
      profiles: ['situationeel-geweld'],
      rows: [{ domainKey: 'geweld', factorKey: 'geweld-escalatie', actie: 'Veiligheidsplan opvolgen' }],
    }),
  });
  if (res.status !== 200)
    throw new Error(`writing the plan of ${code} answered ${res.status}: ${await res.text()}`);
}
