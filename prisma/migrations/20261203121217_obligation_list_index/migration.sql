-- The index the follow-up lists' keyset order and total need (issue #18: "Mijn opvolging" and the
-- coördinatie list, fifty a page with the total), chosen by EXPLAIN ANALYZE on 3 000 dossiers and
-- 21 000 obligations (3 871 open, ten years of due dates), on the shared 2-core machine:
--
-- before, with (status, due_at): the page is an Index Scan of (status, due_at) with an Incremental
--   Sort, 52 rows read, about 1 ms; the total is a Bitmap Heap Scan of all 3 871 open rows (visits
--   every heap page) hash-joined to dossiers, 18-40 ms of the statement's 22-41 ms.
-- after, with (status, due_at, dossier_id): the page is the same Index Scan (52 rows); the total is
--   an Index Only Scan (no heap visit after VACUUM), 8-35 ms of the statement (the machine was
--   loaded: the spread is the neighbours'); a page deep in the list, bounded by due_at >= the
--   cursor's, reads from the cursor on (1 078 rows of 3 871) instead of every open row.
-- The old index is the new one's prefix: the reminder sweep's due rows use the new one the same way.

-- DropIndex
DROP INDEX "follow_up_obligations_status_due_at_idx";

-- CreateIndex
CREATE INDEX "follow_up_obligations_status_due_at_dossier_id_idx" ON "follow_up_obligations"("status", "due_at", "dossier_id");
