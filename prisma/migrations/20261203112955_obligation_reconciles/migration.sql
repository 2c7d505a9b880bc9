-- The last completed re-plan of each region (issue #18): the rules version it ran under and the
-- moment from which the next run re-plans only the dossiers changed since.

-- CreateTable
CREATE TABLE "obligation_reconciles" (
    "region_id" UUID NOT NULL,
    "rules_version" TEXT NOT NULL,
    "reconciled_from" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL,
    "dossiers" INTEGER NOT NULL,

    CONSTRAINT "obligation_reconciles_pkey" PRIMARY KEY ("region_id")
);

-- AddForeignKey
ALTER TABLE "obligation_reconciles" ADD CONSTRAINT "obligation_reconciles_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
