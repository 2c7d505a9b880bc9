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
  /** The query's names of the two tokens, for a page with more than one paged list. */
  keys: { readonly after: string; readonly before: string } = { after: 'after', before: 'before' },
): PagerLinks {
  const href = (key: string, token: string) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(search))
      if (typeof v === 'string' && v !== '' && k !== keys.after && k !== keys.before) q.set(k, v);
    q.set(key, token);
    return `${path}?${q.toString()}${anchor}`;
  };
  return {
    ...(page.next && { nextHref: href(keys.after, page.next) }),
    ...(page.previous && { previousHref: href(keys.before, page.previous) }),
  };
}
