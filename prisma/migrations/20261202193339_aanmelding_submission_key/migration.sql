-- AlterTable
ALTER TABLE "aanmeldingen" ADD COLUMN     "submission_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "aanmeldingen_aanmelder_id_submission_key_key" ON "aanmeldingen"("aanmelder_id", "submission_key");
