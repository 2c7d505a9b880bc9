import { getRegion } from '@overlegtafels/regions';
import type { KeyedTimelineFact } from '../ports/dossier-pages.port';
import type { PageRequest } from '../ports/keyset-page.port';
import { pageOfSorted } from '../paging/page-of-sorted';
import { entryOfFact, mergedTimelinePage, timelinePage } from './timeline-page';
import type { TimelineEntry } from './dossier-timeline';

const entry = (at: string, kind: TimelineEntry['kind'], title: string): TimelineEntry => ({
  at,
  kind,
  title,
  planned: false,
});

describe('timelinePage', () => {
  // Oldest first as the timeline is built; two entries of one kind share a moment.
  const entries = [
    entry('2026-01-12T08:00:00.000Z', 'aanmelding', 'a'),
    entry('2026-01-23T08:00:00.000Z', 'casusregie', 'b'),
    entry('2026-01-23T08:00:00.000Z', 'casusregie', 'c'),
    entry('2026-01-23T08:00:00.000Z', 'beslissing', 'd'),
    entry('2026-03-01T08:00:00.000Z', 'opvolging', 'e'),
  ];

  it('gives the newest first, ties by kind and place, and continues from a key both ways', () => {
    const all = timelinePage(entries, { limit: 50 });
    expect(all.rows.map((e) => e.title)).toEqual(['e', 'c', 'b', 'd', 'a']);
    expect([all.total, all.next, all.previous]).toEqual([5, undefined, undefined]);

    const first = timelinePage(entries, { limit: 2 });
    expect(first.rows.map((e) => e.title)).toEqual(['e', 'c']);
    expect(first.next).toEqual({ at: new Date('2026-01-23T08:00:00.000Z'), id: 's-casusregie-1' });
    const second = timelinePage(entries, { after: first.next!, limit: 2 });
    expect(second.rows.map((e) => e.title)).toEqual(['b', 'd']);
    const third = timelinePage(entries, { after: second.next!, limit: 2 });
    expect([third.rows.map((e) => e.title), third.next]).toEqual([['a'], undefined]);
    const back = timelinePage(entries, { before: second.previous!, limit: 2 });
    expect([back.rows.map((e) => e.title), back.previous]).toEqual([['e', 'c'], undefined]);
  });

  it('keeps the same order whatever order the kinds came in (one source keeps its own order)', () => {
    const shuffled = [entries[3]!, entries[0]!, entries[4]!, entries[1]!, entries[2]!];
    expect(timelinePage(shuffled, { limit: 50 }).rows).toEqual(timelinePage(entries, { limit: 50 }).rows);
  });

  /** Eleven aanmeldingen a day apart (keys as the SQL page's), with two obligations among them. */
  const region = getRegion('co3-antwerpen')!;
  const facts: KeyedTimelineFact[] = Array.from({ length: 11 }, (_, i) => {
    const at = new Date(Date.UTC(2026, 0, 1 + i, 8));
    return {
      key: { at, id: `a-${String(i).padStart(2, '0')}` },
      fact: {
        type: 'aanmelding' as const,
        aanmelding: { submittedAt: at, organisation: { name: `org ${i}` } },
      },
    };
  }).reverse();
  const held = [
    entry('2026-01-04T08:00:00.000Z', 'opvolging', 'o1'),
    entry('2026-01-09T12:00:00.000Z', 'opvolging', 'o2'),
  ];
  /** What the SQL gives for a request: its side's first `limit` of the dossier's own facts. */
  const sqlPage = (request: PageRequest) => pageOfSorted(facts, (f) => f.key, request);
  const page = (request: PageRequest) =>
    mergedTimelinePage(sqlPage(request), held, request, (f) => entryOfFact(f, region, new Date()));
  const names = (rows: { detail?: string; title: string }[]) =>
    rows.map((r) => (r.title === 'Aanmelding ingediend' ? (r.detail ?? '') : r.title));

  it('merges a page of the SQL facts with the entries held in memory: nothing lost or twice, both ways', () => {
    const whole = names(page({ limit: 50 }).rows);
    // o1 shares its moment with org 3: the tie goes by key, an `s-` key after an `a-` one.
    expect(whole).toEqual([
      ...['org 10', 'org 9', 'o2', 'org 8', 'org 7', 'org 6', 'org 5', 'org 4', 'o1'],
      ...['org 3', 'org 2', 'org 1', 'org 0'],
    ]);
    const seen: string[] = [];
    let p = page({ limit: 4 });
    const pages = [p];
    expect([p.total, p.previous]).toEqual([13, undefined]);
    seen.push(...names(p.rows));
    while (p.next) {
      p = page({ after: p.next, limit: 4 });
      pages.push(p);
      expect(p.total).toBe(13);
      expect(p.previous).toBeDefined();
      seen.push(...names(p.rows));
    }
    expect(seen).toEqual(whole);
    expect(pages).toHaveLength(4);
    // Back from the last page: the same pages, the first without a previous.
    for (let i = pages.length - 1; i > 0; i--) {
      const back = page({ before: pages[i]!.previous!, limit: 4 });
      expect(back.rows).toEqual(pages[i - 1]!.rows);
      expect(back.previous === undefined).toBe(i === 1);
    }
  });
});
