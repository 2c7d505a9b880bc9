-- AlterTable
ALTER TABLE "decisions" ADD COLUMN     "bijkomend_casusoverleg_date" DATE,
ADD COLUMN     "casusregisseur_absent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "vervolgoverleg_date" DATE;
