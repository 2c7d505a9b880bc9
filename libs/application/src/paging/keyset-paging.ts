import { z } from 'zod';
import { blankToUndefined } from '../input/input-fields';
import type { KeysetPage, MomentCursor, PageRequest } from '../ports/keyset-page.port';
export { pageOfSorted } from './page-of-sorted';

/** How many rows a page of a growing list shows unless asked otherwise (issue #18), and at most. */
export const PAGE_SIZE = 50;
export const PAGE_MAX = 200;

// moment (ms) . row id
const TOKEN = /^(\d{1,15})\.([A-Za-z0-9-]{1,40})$/;

export const momentToken = (c: MomentCursor): string => `${c.at.getTime()}.${c.id}`;

function cursorOf(token: string): MomentCursor {
  const [, ms, id] = TOKEN.exec(token) as RegExpExecArray;
  return { at: new Date(Number(ms)), id: id as string };
}

const tokenField = (message: string) =>
  z.preprocess(blankToUndefined, z.string().regex(TOKEN, { error: message }).optional());

/** The query fields that choose a page: `after` (the next page) or `before` (the previous one). */
export const PageFieldsSchema = z.object({
  after: tokenField('Volgende pagina: deze verwijzing is ongeldig.'),
  before: tokenField('Vorige pagina: deze verwijzing is ongeldig.'),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'Aantal: geef een getal.' })
      .int({ error: 'Aantal: geef een geheel getal.' })
      .min(1, { error: 'Aantal: minstens 1.' })
      .max(PAGE_MAX, { error: `Aantal: hoogstens ${PAGE_MAX}.` })
      .optional(),
  ),
});
export type PageFields = z.output<typeof PageFieldsSchema>;

/** The repository's request for a parsed `after`/`before` (after wins when both are sent). */
export function pageRequestOf(fields: PageFields): PageRequest {
  const limit = fields.limit ?? PAGE_SIZE;
  if (fields.after) return { after: cursorOf(fields.after), limit };
  if (fields.before) return { before: cursorOf(fields.before), limit };
  return { limit };
}

/** What the pages and the API answer about a page: the total and the tokens of the pages beside it. */
export interface PageLinks {
  readonly total: number;
  /** The `after` of the next page; absent on the last one. */
  readonly next?: string;
  /** The `before` of the previous page; absent on the first one. */
  readonly previous?: string;
}

export function pageLinksOf(page: KeysetPage<unknown>): PageLinks {
  return {
    total: page.total,
    ...(page.next && { next: momentToken(page.next) }),
    ...(page.previous && { previous: momentToken(page.previous) }),
  };
}
