-- AlterTable
ALTER TABLE "dossiers" ADD COLUMN     "casusregie_planned_start_date" DATE,
ADD COLUMN     "consent_given_by" TEXT,
ADD COLUMN     "consulent_consultation_note" TEXT,
ADD COLUMN     "consulent_consulted_by_id" UUID,
ADD COLUMN     "consulent_consulted_on" DATE;

-- CreateTable
CREATE TABLE "child_hearings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dossier_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "label_key" TEXT NOT NULL,
    "heard_on" DATE,
    "not_heard_reason" TEXT,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "child_hearings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "child_hearings_recorded_by_id_idx" ON "child_hearings"("recorded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "child_hearings_dossier_id_label_key_key" ON "child_hearings"("dossier_id", "label_key");

-- CreateIndex
CREATE INDEX "dossiers_consulent_consulted_by_id_idx" ON "dossiers"("consulent_consulted_by_id");

-- AddForeignKey
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_consulent_consulted_by_id_fkey" FOREIGN KEY ("consulent_consulted_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_hearings" ADD CONSTRAINT "child_hearings_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "child_hearings" ADD CONSTRAINT "child_hearings_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
