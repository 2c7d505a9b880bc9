/**
 * The ten-year data set of the page benchmark (issue 18): on top of the demo seed, about 3,000
 * fictitious dossiers registered from 2016 to 2026 (codes CO3-<year>-NNNN), the region's sessions
 * of those years, about 15,000 agenda items with their decisions, about 20,000 follow-up
 * obligations and 2 million audit rows, in a few set-based INSERT statements run as the owner.
 *
 * Deterministic: every choice comes from md5 of a fixed seed and the row's number (`pick`), the
 * sessions from the domain's own series generator over a copy of each table's configuration
 * anchored 572 weeks earlier (the same weekday and, for the two-weekly Weegploeg, the same phase),
 * and the history ends on a fixed day (HISTORY_END), so two runs make the same rows.
 *
 * Who gets the long histories: the demo casusregisseur Sara El Idrissi directs a third of the
 * dossiers (about a hundred of them running, with overdue obligations, for "Mijn opvolging"),
 * CO3-2016-0001 runs since 2016 with a quarterly opvolging at the Ronde Tafel, coordinator Lotte
 * Verbeke took the decisions, and member Wim Jacobs sits at every table.
 *
 * The audit rows are linked like the chain's but not a verifiable chain: ten-year-history.ts says
 * why, and why that does not change what is measured.
 */
import { Client } from 'pg';
import { generateSessions } from '@overlegtafels/domain';
import { CO3_ANTWERPEN } from '@overlegtafels/regions';
import { auditRows, items, obligations } from './ten-year-history';

/** The history's first and last day (Brussels dates); nothing after the last is generated. */
export const HISTORY_START = '2016-01-01';
export const HISTORY_END = '2026-11-30';
export const DOSSIERS = 3_000;
export const AUDIT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 2_000_000);
/** The dossier with the longest history: running since 2016, a Ronde Tafel every quarter. */
export const LONG_DOSSIER = 'CO3-2016-0001';
const PER_YEAR = 273;
/** 11 years of 52 weeks: a whole number of two-week periods too. */
const SHIFT_WEEKS = 572;
const AUDIT_CHUNK = 250_000;

export interface GeneratedCounts {
  ms: number;
  /** Of which the audit rows (through the chain's trigger). */
  auditMs: number;
  rows: Record<string, number>;
}

/** The sessions of the ten years, from the tables' own series anchored SHIFT_WEEKS earlier. */
function historicSessions(): { table: string[]; start: Date[]; end: Date[] } {
  const out = { table: [] as string[], start: [] as Date[], end: [] as Date[] };
  const fromMs = Date.parse(`${HISTORY_START}T00:00:00Z`);
  const toMs = Date.parse(`${HISTORY_END}T23:00:00Z`);
  for (const table of CO3_ANTWERPEN.tables) {
    const anchor = new Date(`${table.recurrence.seriesStart}T00:00:00Z`);
    anchor.setUTCDate(anchor.getUTCDate() - SHIFT_WEEKS * 7);
    const copy = {
      ...table,
      recurrence: { ...table.recurrence, seriesStart: anchor.toISOString().slice(0, 10) },
    };
    for (const s of generateSessions(copy, { fromMs, toMs })) {
      if (s.status !== 'open') continue;
      out.table.push(table.key);
      out.start.push(new Date(s.startMs));
      out.end.push(new Date(s.endMs));
    }
  }
  return out;
}

/** A deterministic number in [0, n) for a key: md5 of the bench's seed and the key. */
const PICK = `CREATE FUNCTION pg_temp.pick(key text, n int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT (('x' || substr(md5('overlegtafels-bench-pages:' || key), 1, 8))::bit(32)::bigint % n)::int $$`;

async function ids(pg: Client): Promise<Record<string, string>> {
  const rows = await pg.query<{ email: string; id: string }>(`SELECT email, id FROM persons`);
  const by = Object.fromEntries(rows.rows.map((r) => [r.email, r.id]));
  const region = await pg.query<{ id: string }>(`SELECT id FROM regions WHERE key = 'co3-antwerpen'`);
  return { ...by, region: region.rows[0]!.id };
}

/** Generates the ten years into the (demo-seeded) database at `ownerUrl`. */
export async function generateTenYears(
  ownerUrl: string,
  log: (line: string) => void = () => undefined,
): Promise<GeneratedCounts> {
  const started = performance.now();
  let last = started;
  const step = (what: string) => {
    const now = performance.now();
    log(`  generated ${what} in ${((now - last) / 1000).toFixed(1)} s`);
    last = now;
  };
  const pg = new Client({ connectionString: ownerUrl });
  await pg.connect();
  try {
    await pg.query(PICK);
    // One run's rows; a crash loses the database anyway.
    await pg.query('SET synchronous_commit = off');
    const p = await ids(pg);
    const people = {
      sara: p['sara.elidrissi@example.org']!,
      tom: p['tom.peeters@example.org']!,
      pieter: p['pieter.vandamme@example.be']!,
      karim: p['karim.bouzid@example.be']!,
      eva: p['eva.wouters@example.org']!,
      lotte: p['lotte.verbeke@example.be']!,
      wim: p['wim.jacobs@example.be']!,
    };
    const sessions = historicSessions();
    await pg.query(
      `INSERT INTO sessions (id, region_id, table_key, scheduled_start, starts_at, ends_at, status,
                             frozen_at, sent_at, held_at, created_at, updated_at)
       SELECT md5('session:' || t || ':' || s)::uuid, $1, t, s, s, e, 'held',
              s - interval '4 days', s - interval '3 days', e, s - interval '60 days', e
         FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[]) AS x(t, s, e)
       ON CONFLICT DO NOTHING`,
      [p.region, sessions.table, sessions.start, sessions.end],
    );
    // Dossiers: 273 a year; the last two years' mostly running, the older ones closed.
    await pg.query(
      `INSERT INTO dossiers (id, code, region_id, phase, casusregisseur_id, aanmelder_id,
                            aanmelder_organisation_id, casusregie_start_date, afronding_date,
                            afsluiting_date, consent_verified_at, consent_verified_by_id,
                            consent_given_by, created_at, updated_at)
       SELECT md5('dossier:' || i)::uuid, code, $1, phase,
              CASE WHEN phase <> 'geen_ketenaanpak' THEN regisseur END,
              aanmelder, (SELECT organisation_id FROM persons WHERE id = aanmelder),
              CASE WHEN phase <> 'geen_ketenaanpak' THEN registered + 14 END,
              CASE WHEN phase IN ('afgerond', 'afgesloten') THEN registered + 380 END,
              CASE WHEN phase = 'afgesloten' THEN registered + 560 END,
              CASE WHEN phase <> 'geen_ketenaanpak' THEN registered + 10 END,
              CASE WHEN phase <> 'geen_ketenaanpak' THEN regisseur END,
              CASE WHEN phase <> 'geen_ketenaanpak' THEN 'moeder' END,
              registered, registered
         FROM (SELECT i, code, registered, aanmelder, regisseur,
                      CASE WHEN code = $9 THEN 'casusregie'
                           WHEN pg_temp.pick('phase:' || i, 100) < 5 THEN 'geen_ketenaanpak'
                           WHEN registered >= DATE '2025-06-01' THEN
                             CASE WHEN pg_temp.pick('running:' || i, 10) < 8 THEN 'casusregie' ELSE 'afgerond' END
                           ELSE 'afgesloten' END AS phase
                 FROM (SELECT i, y, n,
                              'CO3-' || y || '-' || lpad((n + CASE WHEN y = 2026 THEN 6 ELSE 0 END)::text, 4, '0') AS code,
                              make_date(y, 1, 1) + (n - 1) * 4 / 3 AS registered,
                              CASE WHEN i % 2 = 0 THEN $5::uuid ELSE $6::uuid END AS aanmelder,
                              CASE WHEN i = 1 THEN $2::uuid ELSE (ARRAY[$2::uuid, $3::uuid, $4::uuid])[1 + i % 3] END AS regisseur
                         FROM (SELECT i, 2016 + (i - 1) / ${PER_YEAR} AS y, (i - 1) % ${PER_YEAR} + 1 AS n
                                 FROM generate_series(1, $7::int) AS i) g) c
                WHERE registered <= $8::date) d`,
      [
        p.region,
        people.sara,
        people.tom,
        people.pieter,
        people.karim,
        people.eva,
        DOSSIERS,
        HISTORY_END,
        LONG_DOSSIER,
      ],
    );
    await pg.query(
      `INSERT INTO dossier_code_counters (region_id, year, last_number)
       SELECT $1, substr(code, 5, 4)::int, max(substr(code, 10)::int) FROM dossiers GROUP BY 2
       ON CONFLICT (region_id, year) DO UPDATE SET last_number = GREATEST(dossier_code_counters.last_number, EXCLUDED.last_number)`,
      [p.region],
    );
    await pg.query(
      `INSERT INTO aanmeldingen (id, dossier_id, aanmelder_id, organisation_id, contact_email, why_now,
                                 violence_description, situation_at_start, situation_now, main_risks,
                                 client_relations, services_involved, safety_plan_exists,
                                 questions_and_expectations, confidentiality_confirmed_at,
                                 family_informed, submitted_at, created_at, updated_at)
       SELECT md5('aanmelding:' || d.id)::uuid, d.id, d.aanmelder_id, d.aanmelder_organisation_id,
              pr.email, 'Herhaalde interventies (fictief).', 'Partnergeweld (fictief voorbeeld).',
              'Gezin met kinderen.', 'De spanningen blijven.', 'Herhaling van geweld.',
              'Ouder A en B zijn partners.', 'Politie en CAW.', false, 'Een gedeelde aanpak.',
              d.created_at, true, d.created_at, d.created_at, d.created_at
         FROM dossiers d JOIN persons pr ON pr.id = d.aanmelder_id
        WHERE d.code NOT BETWEEN 'CO3-2026-0001' AND 'CO3-2026-0006'`,
    );
    await pg.query('ANALYZE sessions, dossiers, aanmeldingen');
    step('sessions, dossiers and aanmeldingen');
    await pg.query(
      `INSERT INTO aanmelding_clients (aanmelding_id, position, label, role, age, over_12)
       SELECT a.id, c.position, c.label, c.role::client_role, c.age, c.age > 12
         FROM aanmeldingen a
        CROSS JOIN (VALUES (0, 'Ouder A', 'slachtoffer', 36), (1, 'Ouder B', 'pleger', 39),
                           (2, 'Kind 1', 'kind', 9)) AS c(position, label, role, age)`,
    );
    await items(pg, people, LONG_DOSSIER, HISTORY_END);
    step('agenda items and decisions');
    await obligations(pg, people, LONG_DOSSIER, HISTORY_END);
    step('obligations');
    const auditStarted = performance.now();
    const actors = [people.sara, people.lotte, people.wim, people.tom, people.pieter];
    await auditRows(pg, actors, AUDIT_ROWS, AUDIT_CHUNK, HISTORY_START, HISTORY_END);
    const auditMs = performance.now() - auditStarted;
    step(`${AUDIT_ROWS.toLocaleString('en')} audit rows`);
    await pg.query('VACUUM ANALYZE');
    step('VACUUM ANALYZE');
    const rows: Record<string, number> = {};
    for (const table of [
      'dossiers',
      'sessions',
      'agenda_items',
      'decisions',
      'follow_up_obligations',
      'audit_events',
    ]) {
      rows[table] = Number((await pg.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    }
    return { ms: performance.now() - started, auditMs, rows };
  } finally {
    await pg.end();
  }
}
