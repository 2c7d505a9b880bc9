-- A closed dossier reopened after new incidents, with its state before (issue #14).

-- CreateTable
CREATE TABLE "dossier_reopenings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dossier_id" UUID NOT NULL,
    "from_phase" TEXT NOT NULL,
    "to_phase" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "prior_state" JSONB NOT NULL,
    "reopened_by_id" UUID NOT NULL,
    "reopened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dossier_reopenings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dossier_reopenings_dossier_id_reopened_at_idx" ON "dossier_reopenings"("dossier_id", "reopened_at");

-- CreateIndex
CREATE INDEX "dossier_reopenings_reopened_by_id_idx" ON "dossier_reopenings"("reopened_by_id");

-- AddForeignKey
ALTER TABLE "dossier_reopenings" ADD CONSTRAINT "dossier_reopenings_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_reopenings" ADD CONSTRAINT "dossier_reopenings_reopened_by_id_fkey" FOREIGN KEY ("reopened_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A reason is never empty.
ALTER TABLE "dossier_reopenings" ADD CONSTRAINT "dossier_reopenings_reason_check" CHECK (btrim("reason") <> '');
