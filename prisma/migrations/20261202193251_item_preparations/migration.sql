-- CreateEnum
CREATE TYPE "preparation_visibility" AS ENUM ('tafel', 'coordinatoren');

-- CreateTable
CREATE TABLE "item_preparations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agenda_item_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "known" BOOLEAN NOT NULL,
    "summary" TEXT,
    "risk_signals" TEXT,
    "visibility" "preparation_visibility" NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "item_preparations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "item_preparations_organisation_id_idx" ON "item_preparations"("organisation_id");

-- CreateIndex
CREATE INDEX "item_preparations_recorded_by_id_idx" ON "item_preparations"("recorded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "item_preparations_agenda_item_id_organisation_id_key" ON "item_preparations"("agenda_item_id", "organisation_id");

-- AddForeignKey
ALTER TABLE "item_preparations" ADD CONSTRAINT "item_preparations_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_preparations" ADD CONSTRAINT "item_preparations_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_preparations" ADD CONSTRAINT "item_preparations_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
