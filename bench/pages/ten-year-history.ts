/**
 * The ten-year data set's history rows (see ten-year-data.ts): the agenda items on the generated
 * sessions with their decisions, the follow-up obligations, and the audit rows. Set-based SQL,
 * deterministic (md5 of a fixed seed, or the row's number).
 */
import type { Client } from 'pg';

export interface BenchPeople {
  sara: string;
  tom: string;
  pieter: string;
  karim: string;
  eva: string;
  lotte: string;
  wim: string;
}

const DEMO_CODES = `d.code NOT BETWEEN 'CO3-2026-0001' AND 'CO3-2026-0006'`;

/**
 * Per dossier the ICO's aanmelding, the Weegploeg's plan van aanpak, an opvolging and a
 * tussentijdse evaluatie at the Ronde Tafel, and (once afgerond) the afronding, each on the
 * table's first session after the step's day; the long dossier also has an opvolging every
 * quarter. Every item was discussed and has its decision, taken by coordinator Lotte Verbeke.
 */
export async function items(
  pg: Client,
  people: BenchPeople,
  longDossier: string,
  end: string,
): Promise<void> {
  await pg.query(
    `WITH steps (k, table_key, item_type, duration, offset_days) AS (
       VALUES (0, 'ico', 'aanmelding', 30, 3), (1, 'weegploeg', 'plan-van-aanpak', 30, 45),
              (2, 'ronde-tafel', 'opvolging', 20, 120), (3, 'ronde-tafel', 'tussentijdse-evaluatie', 20, 240),
              (4, 'weegploeg', 'afronding', 15, 360)
       UNION ALL
       SELECT 10 + q, 'ronde-tafel', 'opvolging', 20, 330 + q * 91 FROM generate_series(0, 39) AS q
     ), wanted AS (
       SELECT d.id AS dossier_id, d.region_id, d.code, d.created_at, d.casusregisseur_id, d.aanmelder_id, s.*
         FROM dossiers d CROSS JOIN steps s
        WHERE ${DEMO_CODES}
          AND (s.k = 0 OR d.phase <> 'geen_ketenaanpak')
          AND (s.k <> 4 OR d.phase IN ('afgerond', 'afgesloten'))
          AND (s.k < 10 OR d.code = $1)
     )
     INSERT INTO agenda_items (id, session_id, dossier_id, table_key, item_type, duration_minutes,
                               position, status, aanmelding_id, submitted_at, submitted_by_id,
                               question, shared_with_session, created_at, updated_at)
     SELECT md5('item:' || w.dossier_id || ':' || w.k)::uuid, se.id, w.dossier_id, w.table_key,
            w.item_type, w.duration,
            row_number() OVER (PARTITION BY se.id ORDER BY w.code, w.k) - 1, 'discussed',
            CASE WHEN w.k = 0 THEN md5('aanmelding:' || w.dossier_id)::uuid END,
            se.starts_at - interval '10 days',
            CASE WHEN w.k = 0 THEN w.aanmelder_id ELSE w.casusregisseur_id END,
            'Welke afspraken zijn nodig? (fictief)', true,
            se.starts_at - interval '10 days', se.ends_at
       FROM wanted w
      CROSS JOIN LATERAL (
        SELECT id, starts_at, ends_at FROM sessions
         WHERE region_id = w.region_id AND table_key = w.table_key AND starts_at >= w.created_at + w.offset_days * interval '1 day'
           AND starts_at < $2::date + 1
         ORDER BY starts_at LIMIT 1) se`,
    [longDossier, end],
  );
  await pg.query(
    `INSERT INTO decisions (id, agenda_item_id, decided_item_id, dossier_id, table_key, kind, advice_text,
                            casusregisseur_id, start_date, decided_at, decided_by_id)
     SELECT md5('decision:' || i.id)::uuid, i.id, i.id, i.dossier_id, i.table_key,
            (CASE i.item_type
               WHEN 'aanmelding' THEN CASE WHEN d.phase = 'geen_ketenaanpak' THEN 'geen_ketenaanpak' ELSE 'met_casusregie' END
               WHEN 'plan-van-aanpak' THEN 'pva_besproken'
               WHEN 'afronding' THEN 'afronding_goedgekeurd'
               ELSE 'opvolging_genoteerd' END),
            'Advies van de tafel (fictief).',
            CASE WHEN i.item_type = 'aanmelding' THEN d.casusregisseur_id END,
            CASE WHEN i.item_type = 'aanmelding' THEN d.casusregie_start_date END,
            s.ends_at, $1
       FROM agenda_items i JOIN dossiers d ON d.id = i.dossier_id JOIN sessions s ON s.id = i.session_id
      WHERE ${DEMO_CODES}`,
    [people.lotte],
  );
}

/**
 * Seven obligations per dossier in casusregie (the rules from consent to afsluiting), due from
 * the casusregie's start, and the long dossier's quarterly afstemming with the consulent. Passed
 * ones are fulfilled, except the Ronde Tafel steps of Sara El Idrissi's running dossiers and the
 * long dossier's last afstemming, which are open and overdue; the coming ones are open.
 */
export async function obligations(
  pg: Client,
  people: BenchPeople,
  longDossier: string,
  end: string,
): Promise<void> {
  await pg.query(
    `WITH rules (k, rule_key, sequence, offset_days, table_key, item_type) AS (
       VALUES (0, 'instemming-volwassene', 0, 14, NULL, NULL),
              (1, 'kinderen-boven-12-gehoord', 0, 30, NULL, NULL),
              (2, 'eerste-vervolgoverleg', 0, 30, NULL, NULL),
              (3, 'eerste-plan-van-aanpak', 0, 45, 'weegploeg', 'plan-van-aanpak'),
              (4, 'ronde-tafel-na-weegploeg', 0, 120, 'ronde-tafel', 'opvolging'),
              (5, 'tussentijdse-evaluatie', 0, 240, 'ronde-tafel', 'tussentijdse-evaluatie'),
              (6, 'afsluiting', 0, 560, 'ronde-tafel', 'afsluiting')
       UNION ALL
       SELECT 10 + q, 'afstemming-consulent', q, 91 * (q + 1), NULL, NULL FROM generate_series(0, 40) AS q
     ), wanted AS (
       SELECT d.id AS dossier_id, d.code, d.phase, d.casusregisseur_id, r.*,
              ((d.casusregie_start_date + r.offset_days)::timestamp + time '10:00') AT TIME ZONE 'Europe/Brussels' AS due_at
         FROM dossiers d CROSS JOIN rules r
        WHERE ${DEMO_CODES} AND d.phase <> 'geen_ketenaanpak' AND (r.k < 10 OR d.code = $1)
     ), judged AS (
       SELECT w.*,
              due_at <= $2::date AND NOT (
                (phase = 'casusregie' AND casusregisseur_id = $3 AND k IN (4, 5))
                OR k = 50) AS fulfilled
         FROM wanted w
     )
     INSERT INTO follow_up_obligations (id, dossier_id, rule_key, sequence, owner_id, owner_role,
                                        table_key, item_type, due_at, status, fulfilled_at,
                                        fulfilled_by_id, fulfilment_note, fulfilment_kind,
                                        created_at, updated_at)
     SELECT md5('obligation:' || dossier_id || ':' || k)::uuid, dossier_id, rule_key, sequence,
            casusregisseur_id, 'casusregisseur', table_key, item_type, due_at,
            (CASE WHEN fulfilled THEN 'fulfilled' ELSE 'open' END)::obligation_status,
            CASE WHEN fulfilled THEN due_at - interval '3 days' END,
            CASE WHEN fulfilled THEN casusregisseur_id END,
            CASE WHEN fulfilled THEN 'Afgehandeld (fictief).' END,
            CASE WHEN fulfilled THEN 'manual' END,
            due_at - interval '30 days', COALESCE(CASE WHEN fulfilled THEN due_at - interval '3 days' END, due_at - interval '30 days')
       FROM judged`,
    [longDossier, end, people.sara],
  );
}

/**
 * `count` audit rows from the history's start to its end, in id order, as the app writes them
 * (reads and changes of dossiers by the demo people).
 *
 * Not through the chain's trigger: it chains one row at a time (about 0.4 ms a row on this
 * machine, so 2 million rows would take a quarter of an hour). With the trigger off for the
 * generation (as the owner), each row gets a sha-256 over its fields in the chain's serialisation
 * and the previous row's hash as prev_hash: the links look like the chain's, but a row's hash is
 * not over its prev_hash, so `audit verify` reports the first generated row. That does not change
 * what the benchmark measures: the pages read the log through its indexes (dossier, actor, time),
 * and an insert of the app (re-enabled trigger) finds the newest row by the primary key whatever
 * the hashes hold; the app's own rows during the run are chained onto the last generated one.
 */
export async function auditRows(
  pg: Client,
  actors: string[],
  count: number,
  chunk: number,
  start: string,
  end: string,
): Promise<void> {
  const base = Number(
    (await pg.query<{ n: string }>(`SELECT COALESCE(max(id), 0) AS n FROM audit_events`)).rows[0]!.n,
  );
  const dossierIds = (
    await pg.query<{ ids: string[] }>(`SELECT array_agg(id ORDER BY code) AS ids FROM dossiers`)
  ).rows[0]!.ids;
  // Bulk load: the secondary indexes are built once afterwards (a sort) instead of row by row.
  const indexes = await pg.query<{ name: string; definition: string }>(
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = 'audit_events' AND indexname <> 'audit_events_pkey'`,
  );
  for (const index of indexes.rows) await pg.query(`DROP INDEX "${index.name}"`);
  await pg.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_chain');
  try {
    for (let from = 1; from <= count; from += chunk) {
      const to = Math.min(count, from + chunk - 1);
      const previous = await pg.query<{ hash: string }>(
        `SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1`,
      );
      await pg.query(
        `INSERT INTO audit_events (id, at, actor_person_id, action, entity_type, entity_id, dossier_id,
                                   route, outcome, details, prev_hash, hash)
         SELECT id, at, actor, action, entity_type, dossier::text, dossier, route, 'allowed', '{}'::jsonb,
                COALESCE(lag(chain_hash) OVER (ORDER BY id), $8), chain_hash
           FROM (SELECT *, encode(sha256(convert_to(
                          audit_chain_field(id::text)
                          || audit_chain_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                          || audit_chain_field(actor::text) || audit_chain_field(action)
                          || audit_chain_field(entity_type) || audit_chain_field(dossier::text)
                          || audit_chain_field(dossier::text) || audit_chain_field(route)
                          || 'S7:allowed' || 'S2:{}', 'UTF8')), 'hex') AS chain_hash
                   FROM (SELECT $7::bigint + n AS id,
                                ($5::date + (($6::date - $5::date) * interval '1 day') * (n::float8 / $3))::timestamptz(3) AS at,
                                ($4::uuid[])[1 + n % array_length($4::uuid[], 1)] AS actor,
                                ($9::uuid[])[1 + (n::bigint * 7919) % array_length($9::uuid[], 1)] AS dossier,
                                (ARRAY['dossier.read', 'dossier.read', 'agenda-item.read', 'dossier.read', 'obligation.fulfil'])[1 + n % 5] AS action,
                                CASE WHEN n % 5 = 2 THEN 'agenda-item' ELSE 'dossier' END AS entity_type,
                                CASE WHEN n % 5 IN (0, 1, 3) THEN 'GET /dossiers/:code' ELSE 'GET /agenda/:id' END AS route
                           FROM generate_series($1::int, $2::int) AS n) g) h`,
        [from, to, count, actors, start, end, base, previous.rows[0]?.hash ?? '0'.repeat(64), dossierIds],
      );
    }
    await pg.query(`SELECT setval('audit_events_id_seq', (SELECT max(id) FROM audit_events))`);
  } finally {
    await pg.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_chain');
    for (const index of indexes.rows) await pg.query(index.definition);
  }
}
