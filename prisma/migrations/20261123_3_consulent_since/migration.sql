-- Since when an OCJ/SDJ consulent is involved in a dossier (issue 6): the three-monthly alignment
-- with the consulent counts from that date (or from the start of casusregie, if later), not from
-- the start of casusregie when the consulent came in afterwards.
ALTER TABLE "dossiers" ADD COLUMN "consulent_involved_since" DATE;
