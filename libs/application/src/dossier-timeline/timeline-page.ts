import type { RegionConfig } from '@overlegtafels/domain';
import type { DossierTimelineFact, KeyedTimelineFact } from '../ports/dossier-pages.port';
import type { KeysetPage, MomentCursor, PageRequest } from '../ports/keyset-page.port';
import { pageOfSorted } from '../paging/page-of-sorted';
import { childEntry, consentEntry, consultationEntry, noConsentEntry } from './casusregie-timeline';
import {
  aanmeldingEntry,
  agendapuntEntry,
  changeEntry,
  decisionEntry,
  reopeningEntry,
  reportEntry,
  withdrawalEntry,
  type TimelineEntry,
} from './dossier-timeline';

/** Newest first; a tie by the key's id, compared as the SQL does (byte order). */
const newestFirst = (a: MomentCursor, b: MomentCursor) =>
  b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Keys for entries held in memory (the obligations' share): their moment and their kind with
 * their place among the entries of that kind at the same moment, after an `s` (so no key of the
 * SQL page's, a letter and a row id, is the same). Newest first.
 */
function keyed(entries: readonly TimelineEntry[]): { key: MomentCursor; entry: TimelineEntry }[] {
  const seen = new Map<string, number>();
  return [...entries]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((entry) => {
      const tie = `${entry.at} ${entry.kind}`;
      const n = seen.get(tie) ?? 0;
      seen.set(tie, n + 1);
      return { entry, key: { at: new Date(entry.at), id: `s-${entry.kind}-${n}` } };
    })
    .sort((a, b) => newestFirst(a.key, b.key));
}

/**
 * A page of a dossier's timeline, newest first (what is planned on top, then what happened
 * last), fifty a page by keyset (issue #18), from entries held in memory only: the same keys as
 * `mergedTimelinePage` gives them.
 */
export function timelinePage(
  entries: readonly TimelineEntry[],
  request: PageRequest,
): KeysetPage<TimelineEntry> {
  const page = pageOfSorted(keyed(entries), (k) => k.key, request);
  return { ...page, rows: page.rows.map((k) => k.entry) };
}

/** The entry a fact of the SQL page makes. */
export function entryOfFact(fact: DossierTimelineFact, region: RegionConfig, now: Date): TimelineEntry {
  const zone = region.timeZone;
  switch (fact.type) {
    case 'aanmelding':
      return aanmeldingEntry(fact.aanmelding);
    case 'agendapunt':
      return agendapuntEntry(fact.item, region, now);
    case 'beslissing':
      return decisionEntry(fact.decision);
    case 'intrekking':
      return withdrawalEntry({ ...fact.decision, withdrawnAt: fact.decision.withdrawnAt! });
    case 'overdracht':
      return changeEntry(fact.change);
    case 'heropening':
      return reopeningEntry(fact.reopening, region);
    case 'rapport':
      return reportEntry(fact.report);
    case 'instemming':
      return consentEntry(fact.consent, zone);
    case 'geen-instemming':
      return noConsentEntry(fact.noConsent, zone);
    case 'kind':
      return childEntry(fact.child, zone);
    case 'consultatie':
      return consultationEntry(fact.consultation, zone);
  }
}

/**
 * One page of the timeline from the SQL page (the dossier's own facts, read by keyset: the page's
 * rows and one more on the requested side) and the entries held in memory (every obligation): the
 * page is the first `limit` of both on that side of the cursor, so a page and the links beside it
 * are those of the whole timeline, and the total is both totals.
 */
export function mergedTimelinePage(
  sql: KeysetPage<KeyedTimelineFact>,
  held: readonly TimelineEntry[],
  request: PageRequest,
  entryOf: (fact: DossierTimelineFact) => TimelineEntry,
): KeysetPage<TimelineEntry> {
  const backward = !request.after && !!request.before;
  const cursor = request.after ?? request.before;
  const side = (key: MomentCursor) =>
    !cursor || (backward ? newestFirst(key, cursor) < 0 : newestFirst(key, cursor) > 0);
  const heldHere = keyed(held).filter((k) => side(k.key));
  // The SQL page holds its side's first `limit` (one more when more follow): enough to fill this page.
  const sqlHere = sql.rows.map((r) => ({ key: r.key, entry: entryOf(r.fact) }));
  const sqlMore = backward ? sql.previous !== undefined : sql.next !== undefined;
  const all = [...sqlHere, ...heldHere].sort((a, b) => newestFirst(a.key, b.key));
  const more = sqlMore || all.length > request.limit;
  const rows = backward ? all.slice(-request.limit) : all.slice(0, request.limit);
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = backward ? rows.length > 0 : more;
  const hasPrevious = backward ? more : !!request.after;
  return {
    rows: rows.map((r) => r.entry),
    total: sql.total + held.length,
    ...(hasNext && last && { next: last.key }),
    ...(hasPrevious && first && { previous: first.key }),
  };
}
