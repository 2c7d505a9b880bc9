-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "location" TEXT,
ADD COLUMN     "online_meeting_url" TEXT;
