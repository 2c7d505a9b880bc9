import type { TestApp } from './test-app';

/** A JSON schema as the OpenAPI document carries it (the part a request body needs). */
export interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  oneOf?: Schema[];
  anyOf?: Schema[];
  format?: string;
  pattern?: string;
  minimum?: number;
}

/** The values of named fields, where a body points at a row (a dossier code, a session id…). */
export type FieldValues = Readonly<Record<string, unknown>>;

const DATE = /^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/;

/**
 * A body the schema accepts: every property (optional ones too, so a command reaches its use case),
 * the first variant of a choice, fields named in `fields` set to those values.
 */
export function sampleOf(schema: Schema, fields: FieldValues = {}, name = ''): unknown {
  if (name in fields) return fields[name];
  if (schema.oneOf ?? schema.anyOf) return sampleOf((schema.oneOf ?? schema.anyOf)![0]!, fields, name);
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([, s]) => s.format !== 'binary')
          .map(([key, s]) => [key, sampleOf(s, fields, key)]),
      );
    case 'array':
      return schema.items
        ? [sampleOf(schema.items, fields, name)].slice(0, Math.max(1, schema.minItems ?? 1))
        : [];
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 0, 30);
    default:
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if ((schema.pattern && DATE.test(schema.pattern)) || /date|On$|^since$|^from$|^to$/i.test(name))
        return '2026-12-10';
      if (schema.pattern?.includes('[0-5]\\d')) return '10:00';
      if (/email/i.test(name)) return 'iemand@example.org';
      if (schema.format === 'uri' || /url$/i.test(name)) return 'https://meet.example.be/overleg';
      return 'Fictieve tekst';
  }
}

/** The schema of an operation's JSON body in the OpenAPI document, if it takes one. */
export function jsonBodySchema(doc: OpenApiDocument, method: string, path: string): Schema | undefined {
  const op = doc.paths[toOpenApiPath(path)]?.[method.toLowerCase()];
  return op?.requestBody?.content?.['application/json']?.schema;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: unknown[] }
    >
  >;
}

/** `/api/sessions/:id/move` → `/api/sessions/{id}/move` */
export function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

/** A form body as a browser sends it: booleans as the checkbox's value, arrays as repeated keys. */
export function formOf(values: Record<string, unknown>, csrf: string): URLSearchParams {
  const form = new URLSearchParams({ _csrf: csrf });
  for (const [key, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v === undefined || v === null || typeof v === 'object') continue;
      form.append(key, v === true ? 'true' : v === false ? 'false' : String(v));
    }
  }
  return form;
}

export interface Caller {
  readonly personId: string;
  readonly cookie: string;
  readonly csrfToken: string;
}

/** A logged-in caller for a person, by a session started in the app itself (no login route). */
export async function callerFor(t: TestApp, personId: string): Promise<Caller> {
  const { SessionService, SESSION_COOKIE } = await import('@overlegtafels/auth');
  const { token } = await t.app.get(SessionService).start(personId);
  const cookie = `${SESSION_COOKIE}=${token}`;
  const me = (await (await fetch(`${t.baseUrl}/api/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  return { personId, cookie, csrfToken: me.csrfToken };
}

/** One request the way its route is used: JSON for `/api`, a form post for the pages. */
export function send(
  t: TestApp,
  caller: Caller,
  method: string,
  url: string,
  body: Record<string, unknown> | undefined,
): Promise<Response> {
  const api = url.startsWith('/api/');
  return fetch(`${t.baseUrl}${url}`, {
    method,
    redirect: 'manual',
    headers: {
      cookie: caller.cookie,
      'x-csrf-token': caller.csrfToken,
      accept: api ? 'application/json' : 'text/html',
      'content-type': api ? 'application/json' : 'application/x-www-form-urlencoded',
    },
    body:
      method === 'GET'
        ? undefined
        : api
          ? JSON.stringify(body ?? {})
          : formOf(body ?? {}, caller.csrfToken).toString(),
  });
}
