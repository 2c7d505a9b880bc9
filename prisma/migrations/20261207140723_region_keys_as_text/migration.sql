-- Dossier phases, decision kinds and organisation kinds come from the region configuration
-- (issue #14): a region adds its own, so the columns hold text and the enum types go. The stored
-- values stay as they were (an enum value's text is its domain key). No CHECK constraint lists
-- the keys: which keys are valid depends on the dossier's region, and the application checks
-- them when it writes.

-- AlterTable
ALTER TABLE "organisations" ALTER COLUMN "kind" TYPE TEXT USING "kind"::text;

-- AlterTable
ALTER TABLE "dossiers" ALTER COLUMN "phase" DROP DEFAULT;
ALTER TABLE "dossiers" ALTER COLUMN "phase" TYPE TEXT USING "phase"::text;
ALTER TABLE "dossiers" ALTER COLUMN "phase" SET DEFAULT 'aangemeld';

-- AlterTable
ALTER TABLE "decisions" ALTER COLUMN "kind" TYPE TEXT USING "kind"::text;

-- A key is never empty.
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_kind_check" CHECK ("kind" <> '');
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_phase_check" CHECK ("phase" <> '');
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_kind_check" CHECK ("kind" <> '');

-- DropEnum
DROP TYPE "organisation_kind";
DROP TYPE "dossier_phase";
DROP TYPE "decision_kind";
