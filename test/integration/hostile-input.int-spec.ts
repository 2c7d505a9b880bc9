import { seedDemoAgenda } from '@overlegtafels/application';
import { createPrismaClient } from '@overlegtafels/persistence';
import { ControlledClock } from '@overlegtafels/testing';
import { appRoutes } from '../support/app-routes';
import {
  Caller,
  callerFor,
  formOf,
  jsonBodySchema,
  OpenApiDocument,
  sampleOf,
  Schema,
  toOpenApiPath,
} from '../support/route-requests';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Issue #17, item 4: bad input is a 400 that names the field, never a 500. Every API operation of
 * the OpenAPI document the app serves and every page form route of the router gets hostile
 * values — NUL and other control characters, huge strings, wrong types — in each field, in the
 * path, and as the whole body (none, another content type, malformed JSON, a list); none may
 * answer 5xx, and an API 400 names the field.
 */

const clock = new ControlledClock('2026-11-23T09:00:00+01:00');

/** Tried in every field. A form sends strings only, so the wrong types are for JSON. */
const EACH_FIELD: readonly { name: string; value: unknown; control?: boolean; json?: boolean }[] = [
  { name: 'NUL', value: 'a\u0000b', control: true },
  { name: 'a number', value: 12345, json: true },
];

/** Tried in the first field of each route. */
const FIRST_FIELD: readonly { name: string; value: unknown; control?: boolean; json?: boolean }[] = [
  { name: 'control characters', value: 'bel\u0007\u001b[2J', control: true },
  { name: 'a huge string', value: 'x'.repeat(20_000) },
  { name: 'an object', value: { $gt: '' }, json: true },
  { name: 'a list', value: ['a', 'b'], json: true },
];

interface Probe {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly contentType?: string;
  readonly body?: string;
  /** The field a 400 must name. */
  readonly field?: string;
}

/** The routes' calls with one hostile thing each, the rest of the request as it should be. */
function probesOf(t: TestApp, doc: OpenApiDocument, caller: Caller, valid: (p: string) => string): Probe[] {
  const probes: Probe[] = [];
  const routes = appRoutes(t.app).filter((r) => r.policy?.kind !== 'public' || r.method === 'POST');
  for (const route of routes) {
    const api = route.path.startsWith('/api/');
    const schema = jsonBodySchema(doc, route.method, route.path) as Schema | undefined;
    if (api && route.method !== 'GET' && !doc.paths[toOpenApiPath(route.path)]) {
      throw new Error(`${route.route} is missing from the OpenAPI document`);
    }
    const path = route.path.replace(/:(\w+)/g, (_, p: string) => valid(p));
    const base = (schema ? sampleOf(schema) : {}) as Record<string, unknown>;
    const encode = (body: Record<string, unknown>) =>
      api ? JSON.stringify(body) : formOf(body, caller.csrfToken).toString();
    const contentType = api ? 'application/json' : 'application/x-www-form-urlencoded';
    // Hostile path parameters, one at a time.
    for (const param of route.path.match(/:(\w+)/g) ?? []) {
      for (const bad of ['a\u0000b', 'x'.repeat(3_000)]) {
        const hostilePath = route.path
          .replace(/:(\w+)/g, (m, p: string) => (m === param ? encodeURIComponent(bad) : valid(p)))
          .replace(/:(\w+)/g, '');
        probes.push({
          name: `${route.route} with ${JSON.stringify(bad.slice(0, 8))} as ${param}`,
          method: route.method,
          path: hostilePath,
          ...(route.method !== 'GET' && { contentType, body: encode(base) }),
        });
      }
    }
    if (route.method === 'GET') continue;
    // Each field of the body, hostile in turn.
    const fields = Object.keys(base).length > 0 ? Object.keys(base) : ['reason'];
    for (const [i, field] of fields.entries()) {
      for (const h of [...EACH_FIELD, ...(i === 0 ? FIRST_FIELD : [])]) {
        if (h.json && !api) continue;
        probes.push({
          name: `${route.route} with ${h.name} in ${field}`,
          method: route.method,
          path,
          contentType,
          body: encode({ ...base, [field]: h.value }),
          ...(api && h.control && { field }),
        });
      }
    }
    // The whole body.
    probes.push(
      { name: `${route.route} without a body`, method: route.method, path, ...(api && { field: 'body' }) },
      {
        name: `${route.route} as text/plain`,
        method: route.method,
        path,
        contentType: 'text/plain',
        body: 'x',
      },
      {
        name: `${route.route} with malformed JSON`,
        method: route.method,
        path,
        contentType: 'application/json',
        body: '{"reason": "x",',
        field: 'body',
      },
      {
        name: `${route.route} with a JSON list`,
        method: route.method,
        path,
        contentType: 'application/json',
        body: '[1,2]',
        ...(api && { field: 'body' }),
      },
      {
        name: `${route.route} with a body over the limit`,
        method: route.method,
        path,
        contentType,
        body: encode({ ...base, reason: 'x'.repeat(300_000) }),
      },
    );
  }
  // Ending the session last, so every other probe runs logged in.
  return probes.sort((a, b) => Number(a.path === '/logout') - Number(b.path === '/logout'));
}

describe('hostile input on every route', () => {
  let t: TestApp;
  let caller: Caller;
  let doc: OpenApiDocument;
  let values: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ clock, withWorker: false });
    await seedDemoAgenda(t.app);
    const db = createPrismaClient(t.db.url, 1);
    const region = await db.region.findFirstOrThrow();
    // One fictitious person holding every role, so each route's guard lets the input through.
    const person = await db.person.create({
      data: {
        regionId: region.id,
        displayName: 'Fien Fuzz',
        email: 'fien.fuzz@example.org',
        roleAssignments: {
          create: [
            ...['ico', 'weegploeg', 'ronde-tafel'].map((tableKey) => ({
              role: 'coordinator' as const,
              tableKey,
            })),
            ...(['admin', 'casusregisseur', 'aanmelder', 'member', 'strategisch_coordinator'] as const).map(
              (role) => ({ role, tableKey: null }),
            ),
          ],
        },
      },
    });
    const item = await db.agendaItem.findFirstOrThrow({ include: { dossier: true, session: true } });
    values = {
      code: item.dossier.code,
      id: item.id,
      itemId: item.id,
      sessionId: item.sessionId,
      key: item.session.tableKey,
      action: 'annuleren',
      token: 'x',
      file: 'x.ics',
    };
    await db.$disconnect();
    caller = await callerFor(t, person.id);
    doc = (await (
      await fetch(`${t.baseUrl}/api/docs/openapi.json`, { headers: { cookie: caller.cookie } })
    ).json()) as OpenApiDocument;
  }, 120_000);
  afterAll(async () => t?.close());

  it('answers no 5xx, and a 400 of the API names the field', async () => {
    const probes = probesOf(t, doc, caller, (p) => values[p] ?? 'x');
    expect(probes.length).toBeGreaterThan(400);
    const failures: string[] = [];
    const one = async (probe: Probe) => {
      const api = probe.path.startsWith('/api/');
      const res = await fetch(`${t.baseUrl}${probe.path}`, {
        method: probe.method,
        redirect: 'manual',
        headers: {
          cookie: caller.cookie,
          'x-csrf-token': caller.csrfToken,
          accept: api ? 'application/json' : 'text/html',
          ...(probe.contentType && { 'content-type': probe.contentType }),
        },
        body: probe.body,
      });
      const text = await res.text();
      if (res.status >= 500) failures.push(`${probe.name}: ${res.status}`);
      if (api && res.status === 400 && probe.field) {
        const field = (JSON.parse(text) as { field?: string }).field ?? '';
        if (field !== probe.field && !field.startsWith(`${probe.field}.`)) {
          failures.push(`${probe.name}: 400 names "${field}", not ${probe.field}`);
        }
      }
    };
    // A few at a time: one app, in-process requests, and the suite stays fast.
    const queue = [...probes];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let p = queue.shift(); p; p = queue.shift()) await one(p);
      }),
    );
    console.info(`${probes.length} hostile requests in ${Date.now() - started} ms`);
    expect(failures).toEqual([]);
    // Over a thousand probes since the beheer, the document versions and the decision changes.
  }, 240_000);
});
