import { randomUUID } from 'node:crypto';
import type { createPrismaClient } from '@overlegtafels/persistence';
import type { AppRoute } from './app-routes';
import { Caller, jsonBodySchema, OpenApiDocument, sampleOf, send } from './route-requests';
import type { TestApp } from './test-app';

/*
 * The write routes of the app as "a person of another region" tries them (issue #17 item 1, issue
 * #14 item 3): each route's row from its path parameters or body, the body it is sent with, and the
 * run that compares the answer with the one for a row that does not exist, the tables' contents
 * before and after, and the denied audit events.
 */

export type Target = 'dossier' | 'session' | 'item' | 'obligation' | 'outbox' | 'person' | 'organisation';

/** The row an `:id` names, by the path segment before it. */
export const ROW_BEFORE_ID: Readonly<Record<string, Target>> = {
  'agenda-items': 'item',
  agendapunten: 'item',
  sessions: 'session',
  zittingen: 'session',
  opvolging: 'obligation',
  outbox: 'outbox',
  mails: 'outbox',
  personen: 'person',
  organisaties: 'organisation',
};

/** Which row a path parameter names: by its name, and for `:id` by the segment before it. */
function targetOf(param: string, before: string): Target | 'table' | 'action' | 'part' {
  if (param === 'code') return 'dossier';
  // A part of a dossier's own row (a plan's row) after its `:code`: the dossier is what is fenced.
  if (param === 'rowId' && before === 'rijen') return 'part';
  if (param === 'sessionId') return 'session';
  if (param === 'itemId') return 'item';
  if (param === 'key') return 'table';
  if (param === 'action') return 'action';
  if (param === 'id' && ROW_BEFORE_ID[before]) return ROW_BEFORE_ID[before];
  throw new Error(`a write route names ":${param}" after "${before}/": say here which row it is`);
}

/** Routes that name a row only in their body: the field, CO3's value, a value that names nothing. */
export const BODY_TARGETS: Record<string, { field: string; target: 'dossierCode' | 'organisationId' }> = {
  'POST /api/agenderingen': { field: 'dossierCode', target: 'dossierCode' },
  'POST /agendering': { field: 'dossierCode', target: 'dossierCode' },
  'POST /api/aanmeldingen': { field: 'organisationId', target: 'organisationId' },
  'POST /aanmelding': { field: 'organisationId', target: 'organisationId' },
};

/** Writes that name no row of a region: they act on the caller's own things, each with why. */
export const OWN_SCOPE: Record<string, string> = {
  'POST /logout': 'ends the caller’s own session',
  'POST /agenda-abonnement': 'makes the caller’s own calendar feed',
  'POST /agenda-abonnement/intrekken': 'revokes the caller’s own calendar feed',
  'POST /agenda-abonnement/herinnering': 'the caller’s own reminder choice',
  'POST /api/admin/mail/test': 'sends a test mail to the caller',
  'POST /api/closed-periods': 'closes a period of the caller’s own region’s table',
  'POST /tafels/:key/sluiten': 'closes a period of the caller’s own region’s table',
  'POST /api/beheer/personen': 'adds a person to the caller’s own region',
  'POST /beheer/personen': 'adds a person to the caller’s own region',
  'POST /api/beheer/organisaties': 'adds an organisation to the caller’s own region',
  'POST /beheer/organisaties': 'adds an organisation to the caller’s own region',
  'POST /api/beheer/gesloten-periodes': 'closes a period of the caller’s own region',
  'POST /beheer/gesloten-periodes': 'closes a period of the caller’s own region',
};

/**
 * Page routes whose form answers a missing row with the list page and a notice (a redirect): the
 * redirect must be the one an unknown id gets.
 */
export const NOT_FOUND_AS_NOTICE: Record<string, string> = {
  'POST /opvolging/:id/afgerond': '"Mijn opvolging" with the notice that the task was not found',
  'POST /beheer/mails/:id/retry': 'the failed mails with the notice that the mail is unknown',
};

/** Any part id: the request is refused at its dossier, before the part is looked for. */
const PART_ID = randomUUID();

/** The five calendar actions that share one page route. */
const ACTIONS = ['annuleren', 'verplaatsen', 'capaciteit', 'ontdooien', 'bevriezen'];

/** Form bodies of the page routes that have no API twin to take a body from. */
export const PAGE_BODIES: Record<string, (ids: Ids) => Record<string, unknown>> = {
  // A valid plan (the schema's sample is not one): the write reaches the fence, not the parser.
  'PUT /api/agenda-items/:id/voorbereiding': () => ({
    known: true,
    summary: 'Gekend bij ons.',
    visibility: 'tafel',
  }),
  'PUT /api/dossiers/:code/plan-van-aanpak': () => ({
    profiles: ['situationeel-geweld'],
    rows: [{ domainKey: 'geweld', factorKey: 'geweld-escalatie', actie: 'Veiligheidsplan opvolgen' }],
  }),
  'POST /agenda/:sessionId/punten/:itemId/volgorde': () => ({ direction: 'up', reason: 'Volgorde' }),
  'POST /agenda/:sessionId/punten/:itemId/verplaatsen': (ids) => ({
    sessionId: ids.otherSession,
    reason: 'X',
  }),
  'POST /agenda/:sessionId/punten/:itemId/delen': () => ({ shared: 'true' }),
  'POST /agenda/:sessionId/punten/:itemId/beslissing': () => ({ kind: 'zonder_casusregisseur' }),
  'POST /tafels/:key/zittingen/:id/annuleren': () => ({ reason: 'Annulering' }),
  'POST /tafels/:key/zittingen/:id/verplaatsen': () => ({
    date: '2026-12-10',
    start: '10:00',
    end: '12:00',
    reason: 'Verplaatst',
  }),
  'POST /tafels/:key/zittingen/:id/capaciteit': () => ({ capacityMinutes: '90', reason: 'Capaciteit' }),
  'POST /tafels/:key/zittingen/:id/ontdooien': () => ({ reason: 'Ontdooien' }),
  'POST /tafels/:key/zittingen/:id/bevriezen': () => ({ reason: 'Bevriezen' }),
  // Bodies that would send and move: the stranger must be stopped at the session, not the parser.
  'POST /agenda/:sessionId/versturen': () => ({ keepEmpty: 'on', submissionKey: 'vreemde-regio-versturen' }),
  'POST /agenda/:sessionId/locatie': () => ({
    location: 'Zaal 9, Proefstraat 2, 3000 Leuven',
    onlineMeetingUrl: 'https://meet.example.be/vreemd',
  }),
};

export interface Ids {
  person: string;
  organisation: string;
  dossier: string;
  session: string;
  otherSession: string;
  item: string;
  obligation: string;
  outbox: string;
  organisationId: string;
  dossierCode: string;
  casusregisseurId: string;
  table: string;
}

export interface Case {
  readonly name: string;
  readonly route: AppRoute;
  readonly url: (known: boolean) => string;
  readonly body: (known: boolean) => Record<string, unknown>;
  /** A path parameter names the row: the answer must be 404 and the attempt audited. */
  readonly byPath: boolean;
}

export function casesOf(
  routes: AppRoute[],
  doc: OpenApiDocument,
  ids: Ids,
): { cases: Case[]; unclassified: string[] } {
  const cases: Case[] = [];
  const unclassified: string[] = [];
  const unknown: Record<Target, string> = {
    dossier: 'CO3-2099-9999',
    session: randomUUID(),
    item: randomUUID(),
    obligation: randomUUID(),
    outbox: randomUUID(),
    person: randomUUID(),
    organisation: randomUUID(),
  };
  for (const route of routes) {
    if (route.policy?.kind === 'public' || OWN_SCOPE[route.route]) continue;
    const segments = route.path.split('/');
    const params = segments.flatMap((s, i) => (s.startsWith(':') ? [{ name: s.slice(1), i }] : []));
    const rows = params.map((p) => ({ ...p, target: targetOf(p.name, segments[p.i - 1]!) }));
    const bodyTarget = BODY_TARGETS[route.route];
    if (
      !rows.some((r) => r.target !== 'table' && r.target !== 'action' && r.target !== 'part') &&
      !bodyTarget
    ) {
      unclassified.push(route.route);
      continue;
    }
    const actions = rows.some((r) => r.target === 'action') ? ACTIONS : [undefined];
    for (const action of actions) {
      const name = action ? route.route.replace(':action', action) : route.route;
      const url = (known: boolean) =>
        segments
          .map((s, i) => {
            const row = rows.find((r) => r.i === i);
            if (!row) return s;
            if (row.target === 'action') return action!;
            if (row.target === 'table') return ids.table;
            if (row.target === 'part') return PART_ID;
            if (!known) return unknown[row.target];
            return row.target === 'dossier' ? ids.dossierCode : ids[row.target];
          })
          .join('/');
      const body = (known: boolean): Record<string, unknown> => {
        const fields = {
          dossierCode: ids.dossierCode,
          organisationId: ids.organisationId,
          casusregisseurId: ids.casusregisseurId,
          sessionId: ids.otherSession,
          helpKinds: ['cgg'],
          ...(bodyTarget && !known
            ? { [bodyTarget.field]: bodyTarget.target === 'dossierCode' ? unknown.dossier : randomUUID() }
            : {}),
        };
        const page = PAGE_BODIES[name];
        if (page)
          return {
            ...page(ids),
            ...(bodyTarget ? { [bodyTarget.field]: fields[bodyTarget.field as 'dossierCode'] } : {}),
          };
        const twin = route.path.startsWith('/api/') ? route.path : `/api${route.path}`;
        const schema = jsonBodySchema(doc, route.method, twin) ?? { type: 'object' };
        return sampleOf(schema, fields) as Record<string, unknown>;
      };
      cases.push({ name, route, url, body, byPath: !bodyTarget });
    }
  }
  return { cases, unclassified };
}

/** One checksum per table: every row of every table but the audit log and the login sessions. */
export async function tableSnapshot(
  db: ReturnType<typeof createPrismaClient>,
  /** Schemas left out: the queue's, where a running worker writes whatever the request does. */
  skipSchemas: readonly string[] = [],
): Promise<() => Promise<Record<string, string>>> {
  const tables = (
    await db.$queryRawUnsafe<{ q: string }[]>(
      `SELECT format('%I.%I', table_schema, table_name) AS q FROM information_schema.tables
        WHERE table_type = 'BASE TABLE'
          AND table_schema NOT IN ('pg_catalog', 'information_schema', ${['', ...skipSchemas].map((q) => `'${q}'`).join(', ')})
          AND table_name NOT IN ('audit_events', 'user_sessions')`,
    )
  ).map((r) => r.q);
  return async () => {
    const rows = await db.$queryRawUnsafe<{ name: string; sum: string }[]>(
      tables
        .map(
          (q) =>
            `SELECT '${q}' AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${q} t`,
        )
        .join(' UNION ALL '),
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
  };
}

/**
 * Tries every case as `caller` against the rows of `ids` (another region's) and against rows that
 * do not exist: what differs is a failure, named by its route.
 */
export async function crossRegionWriteFailures(
  t: TestApp,
  db: ReturnType<typeof createPrismaClient>,
  caller: Caller,
  cases: readonly Case[],
  options: {
    skipSchemas?: readonly string[];
    /**
     * Routes the caller's own region refuses before any row is read (a region without a
     * kijkschema has no plan van aanpak), with why: the answer must still be the unknown row's and
     * nothing may change, but there is no row to audit an attempt on.
     */
    refusedBeforeAnyRow?: Readonly<Record<string, string>>;
  } = {},
): Promise<string[]> {
  const snapshot = await tableSnapshot(db, options.skipSchemas);
  const failures: string[] = [];
  for (const c of cases) {
    const before = await snapshot();
    const auditBefore = await db.auditEvent.count({
      where: { actorPersonId: caller.personId, outcome: 'denied' },
    });
    const missing = await send(t, caller, c.route.method, c.url(false), c.body(false));
    const tried = await send(t, caller, c.route.method, c.url(true), c.body(true));
    const [missingText, triedText] = [await missing.text(), await tried.text()];
    const after = await snapshot();
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    const denied = await db.auditEvent.count({
      where: { actorPersonId: caller.personId, outcome: 'denied' },
    });
    const fenced = c.byPath && !options.refusedBeforeAnyRow?.[c.name];
    const problems = [
      fenced &&
        tried.status !== (NOT_FOUND_AS_NOTICE[c.name] ? 303 : 404) &&
        `answered ${tried.status}, not 404: ${triedText.slice(0, 200)}`,
      tried.status !== missing.status && `answered ${tried.status}, an unknown one ${missing.status}`,
      tried.headers.get('location') !== missing.headers.get('location') && 'redirected elsewhere',
      normalise(triedText) !== normalise(missingText) && 'answered otherwise than for an unknown one',
      changed.length > 0 && `changed ${changed.join(', ')}`,
      fenced && denied <= auditBefore && 'left no denied audit event',
    ].filter(Boolean);
    if (problems.length) failures.push(`${c.name}: ${problems.join('; ')}`);
  }
  return failures;
}

/** Answers compared without what differs by nature: the ids and codes that were asked for. */
export function normalise(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/[A-Z][A-Z0-9]{0,9}-\d{4}-\d{4,}/g, '<code>');
}
