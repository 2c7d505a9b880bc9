-- Follow-up obligations as the application keeps them in step with the plan (issue 6).
-- How an obligation was fulfilled: a manual "done" is a fact the planner reads back, the others
-- (agenda item, decision, event) follow from the dossier's own rows.
ALTER TABLE "follow_up_obligations" ADD COLUMN "fulfilment_kind" TEXT;
-- The session a session-relative due date hangs on, `<table>:<scheduled date>`.
ALTER TABLE "follow_up_obligations" ADD COLUMN "session_key" TEXT;

-- A reminder step handled without its own mail: a later step of the same kind was due as well and
-- went out instead (after an outage each kind catches up with one mail).
ALTER TABLE "obligation_reminders" ADD COLUMN "superseded" BOOLEAN NOT NULL DEFAULT false;

-- Re-planning after a coordinator changes a table's calendar finds the open obligations of that
-- table; the coordinators' dashboard reads open obligations per table by due date.
CREATE INDEX "follow_up_obligations_table_key_status_due_at_idx" ON "follow_up_obligations"("table_key", "status", "due_at");
