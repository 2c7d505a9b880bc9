import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** The prev_hash of the first row of the chain. */
export const AUDIT_CHAIN_GENESIS = '0'.repeat(64);

/**
 * One audit row's fields as text, in column order, exactly as the migration's
 * `audit_chain_hash` reads them (`id::text`, `at` as UTC ISO with milliseconds, uuids and the
 * outcome as text, details as PostgreSQL's jsonb text).
 */
export interface AuditChainRow {
  id: string;
  at: string;
  actorPersonId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  dossierId: string | null;
  route: string | null;
  outcome: string;
  details: string;
  prevHash: string;
  hash: string;
}

/** One field of the canonical serialisation: N for NULL, else S<octets>:<text>. */
function field(value: string | null): string {
  return value === null ? 'N' : `S${Buffer.byteLength(value, 'utf8')}:${value}`;
}

/** sha-256 (hex) over the previous hash and the row's fields: the same as the SQL trigger. */
export function auditChainHash(prevHash: string, row: Omit<AuditChainRow, 'prevHash' | 'hash'>): string {
  const fields = [
    row.id,
    row.at,
    row.actorPersonId,
    row.action,
    row.entityType,
    row.entityId,
    row.dossierId,
    row.route,
    row.outcome,
    row.details,
  ];
  return createHash('sha256')
    .update(prevHash + fields.map(field).join(''), 'utf8')
    .digest('hex');
}

export interface AuditChainBreak {
  id: string;
  /** content: the row's hash is not that of its fields; link: its prev_hash is not the previous row's hash. */
  reason: 'content' | 'link';
  message: string;
}

export interface AuditChainReport {
  rows: number;
  /** The newest row that holds, to keep elsewhere: a later check can then see the tail removed. */
  last?: { id: string; hash: string };
  /** The first broken row, or undefined when the whole chain holds. */
  broken?: AuditChainBreak;
}

/**
 * Walks rows in id order and finds the first that does not hold: its hash is not that of its
 * content (a field was changed), or its prev_hash is not the hash of the row before it (a row
 * before it was removed, or changed together with its own hash).
 */
export function checkAuditChain(
  rows: Iterable<AuditChainRow>,
  start: { prevHash: string; prevId?: string; count: number } = { prevHash: AUDIT_CHAIN_GENESIS, count: 0 },
): AuditChainReport & { prevHash: string; prevId?: string } {
  let { prevHash, prevId, count } = start;
  for (const row of rows) {
    const before = prevId === undefined ? 'the start of the log' : `row ${prevId}`;
    const broken: AuditChainBreak | undefined =
      row.prevHash !== prevHash
        ? {
            id: row.id,
            reason: 'link',
            message: `audit log broken at row ${row.id}: its previous hash is not the hash of ${before} (a row between them was removed, or a row was changed with its hash)`,
          }
        : auditChainHash(prevHash, row) !== row.hash
          ? {
              id: row.id,
              reason: 'content',
              message: `audit log broken at row ${row.id}: its hash does not match its content (a field was changed)`,
            }
          : undefined;
    if (broken) return { rows: count, prevHash, prevId, broken };
    prevHash = row.hash;
    prevId = row.id;
    count++;
  }
  return { rows: count, prevHash, prevId };
}

const PAGE = 5_000;

/** Verifies the whole audit log of the database at `databaseUrl`, page by page. */
export async function verifyAuditChain(databaseUrl: string): Promise<AuditChainReport> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One snapshot for the whole walk: rows committed meanwhile are left for the next check.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    let state: ReturnType<typeof checkAuditChain> = { rows: 0, prevHash: AUDIT_CHAIN_GENESIS };
    let after = '0';
    for (;;) {
      const { rows } = await client.query<AuditChainRow>(
        `SELECT e.id::text AS "id",
                to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at",
                actor_person_id::text AS "actorPersonId", action, entity_type AS "entityType",
                entity_id AS "entityId", dossier_id::text AS "dossierId", route,
                outcome::text AS "outcome", details::text AS "details",
                prev_hash AS "prevHash", hash
           FROM audit_events e WHERE e.id > $1::bigint ORDER BY e.id LIMIT ${PAGE}`,
        [after],
      );
      state = checkAuditChain(rows, { prevHash: state.prevHash, prevId: state.prevId, count: state.rows });
      if (state.broken) return { rows: state.rows, broken: state.broken };
      if (rows.length < PAGE) {
        const last = state.prevId === undefined ? undefined : { id: state.prevId, hash: state.prevHash };
        return { rows: state.rows, ...(last ? { last } : {}) };
      }
      after = rows[rows.length - 1]!.id;
    }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}
