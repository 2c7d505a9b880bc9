import type { KeysetPage, MomentCursor, PageRequest } from '../ports/keyset-page.port';

/**
 * A page out of rows already in order (newest first), for the in-memory fakes: the same answer a
 * repository's keyset query gives.
 */
export function pageOfSorted<T>(
  sorted: readonly T[],
  keyOf: (row: T) => MomentCursor,
  request: PageRequest,
): KeysetPage<T> {
  const cmp = (row: T, c: MomentCursor) => {
    const k = keyOf(row);
    return k.at.getTime() - c.at.getTime() || (k.id < c.id ? -1 : k.id > c.id ? 1 : 0);
  };
  let start: number;
  let end: number;
  if (request.before) {
    end = sorted.findIndex((r) => cmp(r, request.before!) <= 0);
    if (end < 0) end = sorted.length;
    start = Math.max(0, end - request.limit);
  } else {
    start = request.after ? sorted.findIndex((r) => cmp(r, request.after!) < 0) : 0;
    if (start < 0) start = sorted.length;
    end = Math.min(sorted.length, start + request.limit);
  }
  const rows = sorted.slice(start, end);
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    total: sorted.length,
    ...(last && end < sorted.length && { next: keyOf(last) }),
    ...(first && start > 0 && { previous: keyOf(first) }),
  };
}
