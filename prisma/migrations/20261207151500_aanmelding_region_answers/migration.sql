-- A region's own questions on the aanmelding form (RegionConfig.aanmeldingQuestions): the answers
-- by question key, a text or the keys of the chosen options.
ALTER TABLE "aanmeldingen" ADD COLUMN "region_answers" JSONB NOT NULL DEFAULT '{}';
