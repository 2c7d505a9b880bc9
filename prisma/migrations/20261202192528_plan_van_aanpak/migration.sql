-- AlterTable
ALTER TABLE "dossiers" DROP COLUMN "ifg_profile";

-- DropEnum
DROP TYPE "ifg_profile";

-- CreateTable
CREATE TABLE "plannen_van_aanpak" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dossier_id" UUID NOT NULL,
    "profiles" JSONB NOT NULL DEFAULT '[]',
    "rows" JSONB NOT NULL DEFAULT '[]',
    "updated_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plannen_van_aanpak_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_van_aanpak_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dossier_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "profiles" JSONB NOT NULL,
    "rows" JSONB NOT NULL,
    "agenda_item_id" UUID NOT NULL,
    "table_key" TEXT NOT NULL,
    "frozen_at" TIMESTAMPTZ(3) NOT NULL,
    "frozen_by_id" UUID NOT NULL,

    CONSTRAINT "plan_van_aanpak_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agendering_briefs" (
    "agenda_item_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agendering_briefs_pkey" PRIMARY KEY ("agenda_item_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "plannen_van_aanpak_dossier_id_key" ON "plannen_van_aanpak"("dossier_id");

-- CreateIndex
CREATE INDEX "plannen_van_aanpak_updated_by_id_idx" ON "plannen_van_aanpak"("updated_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_van_aanpak_versions_agenda_item_id_key" ON "plan_van_aanpak_versions"("agenda_item_id");

-- CreateIndex
CREATE INDEX "plan_van_aanpak_versions_frozen_by_id_idx" ON "plan_van_aanpak_versions"("frozen_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "plan_van_aanpak_versions_dossier_id_number_key" ON "plan_van_aanpak_versions"("dossier_id", "number");

-- AddForeignKey
ALTER TABLE "plannen_van_aanpak" ADD CONSTRAINT "plannen_van_aanpak_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plannen_van_aanpak" ADD CONSTRAINT "plannen_van_aanpak_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_van_aanpak_versions" ADD CONSTRAINT "plan_van_aanpak_versions_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_van_aanpak_versions" ADD CONSTRAINT "plan_van_aanpak_versions_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_van_aanpak_versions" ADD CONSTRAINT "plan_van_aanpak_versions_frozen_by_id_fkey" FOREIGN KEY ("frozen_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agendering_briefs" ADD CONSTRAINT "agendering_briefs_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
