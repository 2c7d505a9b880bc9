import type { KeysetPage, MomentCursor, PageRequest } from '@overlegtafels/application';

type Dir = 'asc' | 'desc';

/**
 * One keyset page of a list ordered by `field` then `id`, both descending: the rows after (or
 * before) the request's cursor and one more to know whether a page follows, and the total of the
 * same filter. Two statements on an index, whatever the page's depth (issue #18).
 */
export async function keysetPage<Row>(
  request: PageRequest,
  field: string,
  where: object,
  find: (args: { where: object; orderBy: Record<string, Dir>[]; take: number }) => Promise<Row[]>,
  count: (args: { where: object }) => Promise<number>,
  keyOf: (row: Row) => MomentCursor,
): Promise<KeysetPage<Row>> {
  const backward = !request.after && !!request.before;
  const cursor = request.after ?? request.before;
  const op = backward ? 'gt' : 'lt';
  const dir: Dir = backward ? 'asc' : 'desc';
  const past = cursor
    ? { OR: [{ [field]: { [op]: cursor.at } }, { [field]: cursor.at, id: { [op]: cursor.id } }] }
    : undefined;
  const [found, total] = await Promise.all([
    find({
      where: past ? { AND: [where, past] } : where,
      orderBy: [{ [field]: dir }, { id: dir }],
      take: request.limit + 1,
    }),
    count({ where }),
  ]);
  const more = found.length > request.limit;
  const rows = found.slice(0, request.limit);
  if (backward) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const hasNext = backward ? rows.length > 0 : more;
  const hasPrevious = backward ? more : !!request.after;
  return {
    rows,
    total,
    ...(hasNext && last && { next: keyOf(last) }),
    ...(hasPrevious && first && { previous: keyOf(first) }),
  };
}
