-- AlterTable
ALTER TABLE "dossiers" ADD COLUMN     "traject" TEXT;
