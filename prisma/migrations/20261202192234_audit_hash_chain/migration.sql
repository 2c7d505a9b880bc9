-- The audit log as a hash chain: every row holds the hash of the row before it (prev_hash) and
-- its own hash, sha-256 over prev_hash and the row's fields in a canonical serialisation. The
-- service never sets them: the insert trigger does, under a transaction-level advisory lock, so
-- that rows are chained (and numbered) in the order their transactions take the lock, whatever
-- the number of concurrent writers. `npm run cli -- audit verify` recomputes the chain
-- (libs/persistence/src/audit-chain.ts holds the same serialisation, written out in TypeScript).

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" TEXT NOT NULL DEFAULT '';

-- One field of the canonical serialisation: N for NULL, else S<octets>:<text>.
CREATE FUNCTION "audit_chain_field"(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN 'N' ELSE 'S' || octet_length(v) || ':' || v END
$$;

-- sha-256 (hex) over the previous row's hash and this row's fields, in column order.
CREATE FUNCTION "audit_chain_hash"(prev text, e "audit_events") RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(
        prev
        || "audit_chain_field"(e.id::text)
        || "audit_chain_field"(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        || "audit_chain_field"(e.actor_person_id::text)
        || "audit_chain_field"(e.action)
        || "audit_chain_field"(e.entity_type)
        || "audit_chain_field"(e.entity_id)
        || "audit_chain_field"(e.dossier_id::text)
        || "audit_chain_field"(e.route)
        || "audit_chain_field"(e.outcome::text)
        || "audit_chain_field"(e.details::text),
        'UTF8')), 'hex')
$$;

-- Chain the rows already there, in id order (nobody inserts meanwhile: the table is locked).
LOCK TABLE "audit_events" IN EXCLUSIVE MODE;
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_no_update_or_delete";
DO $$
DECLARE
    r "audit_events";
    previous text := repeat('0', 64);
BEGIN
    FOR r IN SELECT * FROM "audit_events" ORDER BY id LOOP
        UPDATE "audit_events" SET prev_hash = previous, hash = "audit_chain_hash"(previous, r) WHERE id = r.id;
        previous := "audit_chain_hash"(previous, r);
    END LOOP;
END;
$$;
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_no_update_or_delete";

-- Every insert: take the chain's lock (held to the end of the transaction, so the next writer
-- waits until this row is committed or gone), number the row after the lock was granted (ids then
-- follow the chain), and link it to the newest row. Only under READ COMMITTED does the query after
-- the lock see the row committed just before: a REPEATABLE READ or SERIALIZABLE snapshot could be
-- older and fork the chain, so those are refused. search_path is fixed so that a temporary table
-- of the same name cannot stand in for the log.
CREATE FUNCTION "audit_events_chain"() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
    previous text;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit_events rows are written in READ COMMITTED transactions only (this one is %)',
            current_setting('transaction_isolation') USING ERRCODE = 'feature_not_supported';
    END IF;
    PERFORM pg_advisory_xact_lock(7406118234);
    NEW.id := nextval('audit_events_id_seq');
    SELECT e.hash INTO previous FROM "audit_events" e ORDER BY e.id DESC LIMIT 1;
    NEW.prev_hash := coalesce(previous, repeat('0', 64));
    NEW.hash := "audit_chain_hash"(NEW.prev_hash, NEW);
    RETURN NEW;
END;
$$;

CREATE TRIGGER "audit_events_chain"
    BEFORE INSERT ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_chain"();
