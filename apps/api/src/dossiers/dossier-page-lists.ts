import type { DossierTimelineQuery, PageLinks, ShownDossier } from '@overlegtafels/application';
import { pick } from '../web/page-form';
import { pagerLinks, PagerLinks } from '../web/page-links';

/**
 * The dossier page's lists that grow with history, each paged on its own (issue #18): the
 * timeline by `after`, `before` and `limit`, the verslagen by `verslagenAfter`, `verslagenBefore`
 * and `verslagenLimit`, the agendapunten the beslissingen and the casusregisseurs the same way. A list's links keep
 * the other lists where they are; the list's name is also its heading's anchor.
 */
export const LISTS = {
  tijdlijn: { after: 'after', before: 'before', limit: 'limit' },
  verslagen: { after: 'verslagenAfter', before: 'verslagenBefore', limit: 'verslagenLimit' },
  agendapunten: { after: 'puntenAfter', before: 'puntenBefore', limit: 'puntenLimit' },
  beslissingen: { after: 'beslissingenAfter', before: 'beslissingenBefore', limit: 'beslissingenLimit' },
  casusregisseurs: {
    after: 'casusregisseursAfter',
    before: 'casusregisseursBefore',
    limit: 'casusregisseursLimit',
  },
} as const;
type List = keyof typeof LISTS;
const ALL_FIELDS = Object.values(LISTS).flatMap((l) => [l.after, l.before, l.limit]);

/** The list's page fields of the page's query, by the names the use cases take. */
export function pageFieldsOf(query: Record<string, unknown>, list: List): Record<string, string> {
  const names = LISTS[list];
  const q = pick(query, [names.after, names.before, names.limit]);
  return { after: q[names.after]!, before: q[names.before]!, limit: q[names.limit]! };
}

/** The list's total, its tokens and the links to the pages beside it (to the list's heading). */
export function pagedList(
  code: string,
  query: Record<string, unknown>,
  list: List,
  links: PageLinks,
): PageLinks & { pager: PagerLinks } {
  const names = LISTS[list];
  return {
    ...links,
    pager: pagerLinks(`/dossiers/${code}`, pick(query, ALL_FIELDS), links, `#${list}`, names),
  };
}

/** The page of the agendapunten, of the beslissingen and of the casusregisseurs the query asks for. */
export async function listsOf(
  queries: DossierTimelineQuery,
  detail: ShownDossier,
  query: Record<string, unknown>,
) {
  const punten = await queries.agendaItems(detail.id, pageFieldsOf(query, 'agendapunten'), {
    ...LISTS.agendapunten,
    label: 'Agendapunten',
  });
  const beslissingen = await queries.decisions(detail.id, pageFieldsOf(query, 'beslissingen'), {
    ...LISTS.beslissingen,
    label: 'Beslissingen',
  });
  const history = queries.casusregisseurs(detail, pageFieldsOf(query, 'casusregisseurs'), {
    ...LISTS.casusregisseurs,
    label: 'Casusregisseurs',
  });
  return { punten, beslissingen, history };
}
