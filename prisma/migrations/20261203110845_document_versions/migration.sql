-- A new version of an agendapunt's document keeps the one it replaces (issue #15, item 8): the item
-- points at the newest, each version at the one before it. Existing documents are version 1.
ALTER TABLE "documents" ADD COLUMN     "replaces_id" UUID,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD CONSTRAINT "documents_version_check" CHECK ("version" >= 1);

-- CreateIndex
CREATE UNIQUE INDEX "documents_replaces_id_key" ON "documents"("replaces_id");

-- AddForeignKey: the whole dossier's documents go together at retention, so an older version's
-- removal only loosens the link of the next.
ALTER TABLE "documents" ADD CONSTRAINT "documents_replaces_id_fkey" FOREIGN KEY ("replaces_id") REFERENCES "documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
