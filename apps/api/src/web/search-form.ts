import { InputError } from '@overlegtafels/application';
import { PageForms } from './page-form';

/**
 * A list page's search form sent by GET: the fields it knows, as typed, and the links that keep
 * them (the next page, the first page, an export). Only strings of the named fields are taken.
 */
export class SearchForm {
  readonly values: Record<string, string> = {};
  readonly after: string | undefined;

  constructor(query: Record<string, unknown>, fields: readonly string[]) {
    for (const f of fields) if (typeof query[f] === 'string') this.values[f] = query[f];
    this.after = typeof query.after === 'string' ? query.after : undefined;
  }

  /** Whether any field narrows the list. */
  get filtered(): boolean {
    return Object.values(this.values).some((v) => v !== '');
  }

  /** `path` with the filled-in fields, and `after` when given. */
  href(path: string, after?: string): string {
    const params = new URLSearchParams(Object.entries(this.values).filter(([, v]) => v !== ''));
    if (after) params.append('after', after);
    return params.size > 0 ? `${path}?${params.toString()}` : path;
  }

  /**
   * Runs the list's use case; bad input comes back as the form `key` with the message next to each
   * field and what was typed kept (400), anything else is thrown on.
   */
  async run<T>(key: string, list: () => Promise<T>): Promise<{ result?: T; forms: PageForms }> {
    try {
      return { result: await list(), forms: new PageForms() };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { forms: new PageForms({ key, values: this.values, errors: error.errors, status: 400 }) };
    }
  }
}
