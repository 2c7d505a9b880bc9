/**
 * The links of a paged list (issue #18): the same search with the next page's `after` or the
 * previous page's `before`. Only the search's own fields go in (codes, dates, keys: no names).
 */
export interface PagerLinks {
  readonly nextHref?: string;
  readonly previousHref?: string;
}

export function pagerLinks(
  path: string,
  search: Record<string, unknown>,
  page: { next?: string; previous?: string },
  anchor = '',
): PagerLinks {
  const href = (key: 'after' | 'before', token: string) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(search))
      if (typeof v === 'string' && v !== '' && k !== 'after' && k !== 'before') q.set(k, v);
    q.set(key, token);
    return `${path}?${q.toString()}${anchor}`;
  };
  return {
    ...(page.next && { nextHref: href('after', page.next) }),
    ...(page.previous && { previousHref: href('before', page.previous) }),
  };
}
