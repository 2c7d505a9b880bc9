/**
 * A page of a list that grows with history, newest first: ordered by a moment, then the row's id
 * (both descending), continued from a row's key rather than an offset, so a page costs the same
 * at ten years of history as on the first day (issue #18).
 */
export interface MomentCursor {
  readonly at: Date;
  readonly id: string;
}

/** Which page: the one after a row (older), the one before a row (newer), or the first. */
export interface PageRequest {
  readonly after?: MomentCursor;
  readonly before?: MomentCursor;
  readonly limit: number;
}

/** One page, how many rows match in all, and where the pages beside it start. */
export interface KeysetPage<T> {
  readonly rows: T[];
  readonly total: number;
  /** The last row's key: the `after` of the next page; absent on the last page. */
  readonly next?: MomentCursor;
  /** The first row's key: the `before` of the previous page; absent on the first page. */
  readonly previous?: MomentCursor;
}
