import { createPrismaClient } from '@overlegtafels/persistence';
import { pageUser, tinyPdf } from './page-client';
import { briefFields, WEEGPLOEG_BRIEF, writePlan } from './plan-van-aanpak';
import type { TestApp } from './test-app';

/** Two plannen van aanpak on the Weegploeg of Tuesday 1 December 2026 (clock: mid-November). */
export interface WeegploegAgenda {
  readonly sessionId: string;
  readonly sharedCode: string;
  readonly unsharedCode: string;
}

export const SHARED_QUESTION = 'Gedeelde vraag: één aanpak voor het gezin, geëvalueerd, naïef of niet?';
export const UNSHARED_QUESTION = 'Vraag-enkel-coordinatie: de politie deelt haar verslag pas na de zitting.';

/**
 * Sara and Tom write and agenderen their dossiers' plan van aanpak through the page; the coordinator shares
 * Sara's with the session, so a member sees her question and not Tom's (which `extra` lengthens).
 */
export async function weegploegWithOneSharedItem(t: TestApp, extra = ''): Promise<WeegploegAgenda> {
  const sharedCode = 'CO3-2026-0001';
  const unsharedCode = 'CO3-2026-0002';
  const agenderen = async (email: string, dossierCode: string, questions: string) => {
    await writePlan(t, email, dossierCode);
    const page = await (
      await pageUser(t, email)
    ).postMultipart(
      '/agendering',
      { dossierCode, soort: 'weegploeg:plan-van-aanpak', questions, ...briefFields(WEEGPLOEG_BRIEF, 'page') },
      { name: 'plan.pdf', bytes: tinyPdf() },
    );
    if (page.status !== 303) throw new Error(`agendering for ${dossierCode} answered ${page.status}`);
  };
  await agenderen('sara.elidrissi@example.org', sharedCode, SHARED_QUESTION);
  await agenderen(
    'tom.peeters@example.org',
    unsharedCode,
    extra ? `${UNSHARED_QUESTION}\n\n${extra}` : UNSHARED_QUESTION,
  );
  const db = createPrismaClient(t.db.url, 1);
  const item = await db.agendaItem.findFirstOrThrow({ where: { dossier: { code: sharedCode } } });
  await db.$disconnect();
  const lotte = await pageUser(t, 'lotte.verbeke@example.be');
  const shared = await lotte.post(`/agenda/${item.sessionId}/punten/${item.id}/delen`, { shared: 'true' });
  if (shared.status !== 303) throw new Error(`sharing answered ${shared.status}`);
  return { sessionId: item.sessionId, sharedCode, unsharedCode };
}
