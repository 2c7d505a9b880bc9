import type { KeysetPage, MomentCursor, PageRequest } from '../ports/keyset-page.port';
import { pageOfSorted } from '../paging/page-of-sorted';
import type { TimelineEntry } from './dossier-timeline';

/**
 * A page of a dossier's timeline, newest first (what is planned on top, then what happened
 * last), fifty a page by keyset (issue #18). An entry's key is its moment and its kind with its
 * place among the entries of that kind at the same moment, so the key names no one and stays
 * the same from one request to the next.
 */
export function timelinePage(
  entries: readonly TimelineEntry[],
  request: PageRequest,
): KeysetPage<TimelineEntry> {
  const seen = new Map<string, number>();
  const keyed = [...entries]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((entry) => {
      const tie = `${entry.at} ${entry.kind}`;
      const n = seen.get(tie) ?? 0;
      seen.set(tie, n + 1);
      const key: MomentCursor = { at: new Date(entry.at), id: `${entry.kind}-${n}` };
      return { entry, key };
    })
    .sort(
      (a, b) =>
        b.key.at.getTime() - a.key.at.getTime() || (a.key.id < b.key.id ? 1 : a.key.id > b.key.id ? -1 : 0),
    );
  const page = pageOfSorted(keyed, (k) => k.key, request);
  return { ...page, rows: page.rows.map((k) => k.entry) };
}
