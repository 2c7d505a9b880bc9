-- An obligation belongs to one life of its dossier (issue #14): 1, or 1 + the heropeningen before
-- it was planned. Every existing row is of the first life; a reopened dossier plans the same rule
-- and sequence again in its next life, so the life is part of the unique key.
ALTER TABLE "follow_up_obligations" ADD COLUMN "life" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "follow_up_obligations" ADD CONSTRAINT "follow_up_obligations_life_check" CHECK ("life" >= 1);

DROP INDEX "follow_up_obligations_dossier_id_rule_key_sequence_key";
CREATE UNIQUE INDEX "follow_up_obligations_dossier_id_life_rule_key_sequence_key"
  ON "follow_up_obligations"("dossier_id", "life", "rule_key", "sequence");
