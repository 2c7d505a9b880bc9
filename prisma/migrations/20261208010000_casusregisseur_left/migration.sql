-- A deactivated casusregisseur's dossiers: their tasks stay with the coordinators until a new one is appointed.
ALTER TABLE "dossiers" ADD COLUMN "casusregisseur_left_at" TIMESTAMPTZ(3);
