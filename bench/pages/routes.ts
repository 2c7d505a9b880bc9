/**
 * The routes the page benchmark loads, and the rows they are pointed at: the pages and API reads
 * a coordinator, a casusregisseur and a member open all day.
 */
import { Client } from 'pg';
import { HELLO } from './bench-app';

export type Who = 'coordinator' | 'casusregisseur' | 'member';

export const PEOPLE: Record<Who, string> = {
  coordinator: 'lotte.verbeke@example.be',
  casusregisseur: 'sara.elidrissi@example.org',
  member: 'wim.jacobs@example.be',
};

export interface Route {
  name: string;
  path: string;
  who?: Who;
  /** API reads ask for JSON, as the service's scripts do. */
  json?: boolean;
}

export interface Targets {
  /** The session with the fullest agenda in the configuration's series (from 2026 on). */
  sessionId: string;
  /** The casusregisseur's dossier with the most agenda items. */
  dossierCode: string;
  people: Record<Who, string>;
}

export async function findTargets(ownerUrl: string): Promise<Targets> {
  const pg = new Client({ connectionString: ownerUrl });
  await pg.connect();
  try {
    const people = {} as Record<Who, string>;
    for (const [who, email] of Object.entries(PEOPLE) as [Who, string][]) {
      people[who] = (
        await pg.query<{ id: string }>('SELECT id FROM persons WHERE email = $1', [email])
      ).rows[0]!.id;
    }
    const session = await pg.query<{ id: string }>(
      `SELECT s.id FROM sessions s JOIN agenda_items i ON i.session_id = s.id
        WHERE s.scheduled_start >= TIMESTAMPTZ '2026-01-01 00:00+01' AND i.status <> 'withdrawn'
        GROUP BY s.id ORDER BY count(*) DESC, s.starts_at DESC LIMIT 1`,
    );
    const dossier = await pg.query<{ code: string }>(
      `SELECT d.code FROM dossiers d LEFT JOIN agenda_items i ON i.dossier_id = d.id
        WHERE d.casusregisseur_id = $1 AND d.phase = 'casusregie'
        GROUP BY d.code ORDER BY count(i.id) DESC, d.code LIMIT 1`,
      [people.casusregisseur],
    );
    if (!session.rows[0] || !dossier.rows[0])
      throw new Error('no session with items or no dossier to measure');
    return { sessionId: session.rows[0].id, dossierCode: dossier.rows[0].code, people };
  } finally {
    await pg.end();
  }
}

/** hello first (the baseline), then every page; BENCH_ROUTES filters by name (a substring). */
export function routes(t: Targets, year: number, filter?: string): Route[] {
  const all: Route[] = [
    { name: 'hello', path: HELLO },
    { name: 'home (coordinator)', path: '/', who: 'coordinator' },
    { name: 'home (casusregisseur)', path: '/', who: 'casusregisseur' },
    { name: 'home (member)', path: '/', who: 'member' },
    { name: 'tafels/ico', path: '/tafels/ico', who: 'coordinator' },
    { name: 'agenda (fullest)', path: `/agenda/${t.sessionId}`, who: 'coordinator' },
    { name: 'dossier (long history)', path: `/dossiers/${t.dossierCode}`, who: 'casusregisseur' },
    { name: 'opvolging', path: '/opvolging', who: 'casusregisseur' },
    { name: 'coordinatie', path: '/coordinatie', who: 'coordinator' },
    { name: 'dossiers', path: '/dossiers', who: 'coordinator' },
    { name: 'api dossiers', path: '/api/dossiers', who: 'coordinator', json: true },
    {
      name: 'api ico sessions (year)',
      path: `/api/tables/ico/sessions?from=${year}-01-01&to=${year}-12-31`,
      who: 'member',
      json: true,
    },
    {
      name: 'api agendering preview',
      path: '/api/agendering/preview?table=weegploeg&type=plan-van-aanpak',
      who: 'casusregisseur',
      json: true,
    },
    {
      name: 'agendering (form)',
      path: `/agendering?dossier=${t.dossierCode}&tafel=weegploeg&type=plan-van-aanpak`,
      who: 'casusregisseur',
    },
  ];
  if (!filter) return all;
  const wanted = filter.split(',').map((f) => f.trim().toLowerCase());
  const chosen = all.filter(
    (r) => r.name === 'hello' || wanted.some((w) => r.name.toLowerCase().includes(w)),
  );
  if (chosen.length === 1) throw new Error(`BENCH_ROUTES=${filter} names no page (only hello would run)`);
  return chosen;
}
