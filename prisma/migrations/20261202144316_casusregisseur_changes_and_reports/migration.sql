-- CreateEnum
CREATE TYPE "casusregisseur_change_reason" AS ENUM ('tijdelijk-naar-definitief', 'vertrek', 'andere');

-- AlterEnum
ALTER TYPE "role" ADD VALUE 'strategisch-coordinator';

-- CreateTable
CREATE TABLE "casusregisseur_changes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dossier_id" UUID NOT NULL,
    "from_person_id" UUID NOT NULL,
    "to_person_id" UUID NOT NULL,
    "effective_date" DATE NOT NULL,
    "reason" "casusregisseur_change_reason" NOT NULL,
    "note" TEXT,
    "changed_by_id" UUID NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "casusregisseur_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "obligation_reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "obligation_id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "form" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "submitted_by_id" UUID NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "obligation_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "casusregisseur_changes_dossier_id_changed_at_idx" ON "casusregisseur_changes"("dossier_id", "changed_at");

-- CreateIndex
CREATE INDEX "casusregisseur_changes_from_person_id_idx" ON "casusregisseur_changes"("from_person_id");

-- CreateIndex
CREATE INDEX "casusregisseur_changes_to_person_id_idx" ON "casusregisseur_changes"("to_person_id");

-- CreateIndex
CREATE INDEX "casusregisseur_changes_changed_by_id_idx" ON "casusregisseur_changes"("changed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "obligation_reports_obligation_id_key" ON "obligation_reports"("obligation_id");

-- CreateIndex
CREATE INDEX "obligation_reports_dossier_id_submitted_at_idx" ON "obligation_reports"("dossier_id", "submitted_at");

-- CreateIndex
CREATE INDEX "obligation_reports_submitted_by_id_idx" ON "obligation_reports"("submitted_by_id");

-- AddForeignKey
ALTER TABLE "casusregisseur_changes" ADD CONSTRAINT "casusregisseur_changes_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "casusregisseur_changes" ADD CONSTRAINT "casusregisseur_changes_from_person_id_fkey" FOREIGN KEY ("from_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "casusregisseur_changes" ADD CONSTRAINT "casusregisseur_changes_to_person_id_fkey" FOREIGN KEY ("to_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "casusregisseur_changes" ADD CONSTRAINT "casusregisseur_changes_changed_by_id_fkey" FOREIGN KEY ("changed_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "obligation_reports" ADD CONSTRAINT "obligation_reports_obligation_id_fkey" FOREIGN KEY ("obligation_id") REFERENCES "follow_up_obligations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "obligation_reports" ADD CONSTRAINT "obligation_reports_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "obligation_reports" ADD CONSTRAINT "obligation_reports_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
