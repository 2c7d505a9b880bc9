-- A coordinator's pin keeps an agendapunt on its session (and, with a position, at that place)
-- whatever the arrival order says; the reason stays in override_reason.
ALTER TABLE "agenda_items" ADD COLUMN "pinned" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "agenda_items" ADD COLUMN "pinned_position" INTEGER;

-- "Geen ketenaanpak" always carries advice on a safety plan, as its own field, and may advise
-- reporting to the parket.
ALTER TABLE "decisions" ADD COLUMN "safety_plan_advice" TEXT;
ALTER TABLE "decisions" ADD COLUMN "parketmelding_advies" BOOLEAN NOT NULL DEFAULT false;

-- Arrival order: taken from a sequence at insert, which happens under the table's agenda lock, so
-- items submitted at the same instant keep the order in which they were accepted.
ALTER TABLE "agenda_items" ADD COLUMN "arrival" BIGSERIAL NOT NULL;
