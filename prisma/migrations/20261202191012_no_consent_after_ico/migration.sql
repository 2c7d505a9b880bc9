-- AlterTable
ALTER TABLE "dossiers" ADD COLUMN     "no_consent_established_on" DATE,
ADD COLUMN     "no_consent_note" TEXT,
ADD COLUMN     "no_consent_recorded_by_id" UUID;

-- CreateIndex
CREATE INDEX "dossiers_no_consent_recorded_by_id_idx" ON "dossiers"("no_consent_recorded_by_id");

-- AddForeignKey
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_no_consent_recorded_by_id_fkey" FOREIGN KEY ("no_consent_recorded_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
