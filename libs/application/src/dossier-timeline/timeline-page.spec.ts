import { timelinePage } from './timeline-page';
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
    expect(first.next).toEqual({ at: new Date('2026-01-23T08:00:00.000Z'), id: 'casusregie-1' });
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
});
