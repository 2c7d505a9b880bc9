-- A decision can be withdrawn or replaced by another, with a reason (issue #15, item 8). The row
-- is kept: `agenda_item_id` names the item only while the decision stands (so an item has one
-- standing decision), `decided_item_id` always. The dossier's facts before and after the decision
-- are kept with it, so a withdrawal can restore them and see whether anything was built on it.

ALTER TABLE "decisions" ADD COLUMN "decided_item_id" UUID;
UPDATE "decisions" SET "decided_item_id" = "agenda_item_id";
ALTER TABLE "decisions" ALTER COLUMN "decided_item_id" SET NOT NULL;
ALTER TABLE "decisions" ALTER COLUMN "agenda_item_id" DROP NOT NULL;

ALTER TABLE "decisions" ADD COLUMN "prior_state" JSONB;
ALTER TABLE "decisions" ADD COLUMN "result_state" JSONB;
ALTER TABLE "decisions" ADD COLUMN "follow_up_item_id" UUID;
ALTER TABLE "decisions" ADD COLUMN "withdrawn_at" TIMESTAMPTZ(3);
ALTER TABLE "decisions" ADD COLUMN "withdrawn_by_id" UUID;
ALTER TABLE "decisions" ADD COLUMN "withdrawal_reason" TEXT;
ALTER TABLE "decisions" ADD COLUMN "replaced_by_id" UUID;

-- Standing: on its item and not withdrawn; withdrawn: off its item, with who, when and why.
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_withdrawal_check" CHECK (
  ("withdrawn_at" IS NULL AND "withdrawn_by_id" IS NULL AND "withdrawal_reason" IS NULL
     AND "replaced_by_id" IS NULL AND "agenda_item_id" IS NOT NULL)
  OR ("withdrawn_at" IS NOT NULL AND "withdrawn_by_id" IS NOT NULL AND "withdrawal_reason" IS NOT NULL
     AND "agenda_item_id" IS NULL)
);

-- CreateIndex
CREATE INDEX "decisions_decided_item_id_idx" ON "decisions"("decided_item_id");
CREATE INDEX "decisions_withdrawn_by_id_idx" ON "decisions"("withdrawn_by_id");
CREATE INDEX "decisions_replaced_by_id_idx" ON "decisions"("replaced_by_id");
CREATE INDEX "decisions_follow_up_item_id_idx" ON "decisions"("follow_up_item_id");

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_item_id_fkey" FOREIGN KEY ("decided_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_follow_up_item_id_fkey" FOREIGN KEY ("follow_up_item_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_withdrawn_by_id_fkey" FOREIGN KEY ("withdrawn_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_replaced_by_id_fkey" FOREIGN KEY ("replaced_by_id") REFERENCES "decisions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
