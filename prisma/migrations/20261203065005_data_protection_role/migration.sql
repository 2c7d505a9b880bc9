-- AlterEnum
ALTER TYPE "role" ADD VALUE 'gegevensbescherming';
