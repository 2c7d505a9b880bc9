import { AgendaRefusal, FieldError, InputError } from '@overlegtafels/application';
import { statusOf } from './error-status';

/** An id in a page's path; anything else is answered 404 before any lookup. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** One link of the error summary at the top of a page. */
export interface SummaryLink {
  readonly href: string;
  readonly message: string;
}

/**
 * What a template needs to draw one form: the value typed in every field (kept when the form comes
 * back), the Dutch error next to each field, and stable ids for labels, aria-describedby and the
 * summary links. Ids are built from our own field names only, never from input.
 */
export class FormView {
  private readonly errors = new Map<string, string>();

  constructor(
    readonly key: string,
    private readonly values: Record<string, unknown> = {},
    errors: readonly FieldError[] = [],
    /** Where an error on a field that is not drawn as such (e.g. `clients`) is shown instead. */
    private readonly aliases: Record<string, string> = {},
  ) {
    for (const e of errors) {
      const field = this.aliases[e.field] ?? e.field;
      if (!this.errors.has(field)) this.errors.set(field, e.message);
    }
  }

  static empty(key: string, values: Record<string, unknown> = {}): FormView {
    return new FormView(key, values);
  }

  get hasErrors(): boolean {
    return this.errors.size > 0;
  }

  id(field: string): string {
    return `${this.key}-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
  }

  error(field: string): string | undefined {
    return this.errors.get(field);
  }

  /** ` aria-invalid="true" aria-describedby="…-fout"` for a field with an error; printed raw (ids only). */
  aria(field: string, hintId?: string): string {
    const ids = [hintId, this.errors.has(field) ? `${this.id(field)}-fout` : undefined].filter(Boolean);
    return [
      this.errors.has(field) ? ' aria-invalid="true"' : '',
      ids.length > 0 ? ` aria-describedby="${ids.join(' ')}"` : '',
    ].join('');
  }

  value(field: string): string {
    const v = this.values[field];
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  }

  is(field: string, expected: string): boolean {
    return this.value(field) === expected;
  }

  checked(field: string): boolean {
    const v = this.values[field];
    return v === true || v === 'on' || v === 'true' || v === 'ja' || v === '1';
  }

  summary(): SummaryLink[] {
    return [...this.errors.entries()].map(([field, message]) => ({
      href: `#${this.id(field)}`,
      message,
    }));
  }
}

/** A failed form: which one, what was typed, and why it was refused. */
export interface FailedForm {
  readonly key: string;
  readonly values: Record<string, unknown>;
  readonly errors: readonly FieldError[];
  /** A refusal by the rules that belongs to no field: shown in the summary, linking to the form. */
  readonly message?: string;
  readonly status: number;
}

/**
 * Turns what a use case threw into a failed form: InputError (400, per field) and AgendaRefusal
 * other than "not found" (409/422, on its field when it names one). Anything else — a 404 refusal
 * included, which must look like any other "not found" — is thrown on to the global filter.
 */
export function failedForm(key: string, values: Record<string, unknown>, error: unknown): FailedForm {
  if (error instanceof InputError) return { key, values, errors: error.errors, status: 400 };
  if (error instanceof AgendaRefusal && error.kind !== 'not_found') {
    return error.field
      ? {
          key,
          values,
          errors: [{ field: error.field, code: error.code, message: error.message }],
          status: statusOf(error.kind),
        }
      : { key, values, errors: [], message: error.message, status: statusOf(error.kind) };
  }
  throw error;
}

/** The forms of a page: the failed one with its values and errors, the others empty. */
export class PageForms {
  constructor(
    private readonly failed?: FailedForm,
    private readonly aliases: Record<string, string> = {},
  ) {}

  form = (key: string, defaults: Record<string, unknown> = {}): FormView =>
    this.failed && this.failed.key === key
      ? new FormView(key, { ...defaults, ...this.failed.values }, this.failed.errors, this.aliases)
      : FormView.empty(key, defaults);

  summary(): SummaryLink[] {
    if (!this.failed) return [];
    const view = new FormView(this.failed.key, this.failed.values, this.failed.errors, this.aliases);
    return [
      ...(this.failed.message ? [{ href: `#${this.failed.key}`, message: this.failed.message }] : []),
      ...view.summary(),
    ];
  }

  get status(): number {
    return this.failed?.status ?? 200;
  }
}

/** A string field of a parsed form body (urlencoded or multipart); repeated fields take the first. */
export function str(body: Record<string, unknown> | undefined, field: string): string {
  const v = body?.[field];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : '';
  return typeof v === 'string' ? v : '';
}

/** Only the named fields of a body, as strings: what a failed form shows again. */
export function pick(
  body: Record<string, unknown> | undefined,
  fields: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f] = str(body, f);
  return out;
}

/** Fixed notice texts, chosen by key, so a redirect's query never puts arbitrary text on a page. */
export function noticeFor(notices: Record<string, string>, key: string | undefined): string | undefined {
  return key && Object.hasOwn(notices, key) ? notices[key] : undefined;
}
