-- CreateTable
CREATE TABLE "risk_pictures" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dossier_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "occasion" TEXT NOT NULL,
    "instrument_key" TEXT NOT NULL,
    "decision_id" UUID,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "risk_pictures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_picture_factors" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "picture_id" UUID NOT NULL,
    "factor_key" TEXT NOT NULL,
    "mark" TEXT NOT NULL,
    "motivation" TEXT,

    CONSTRAINT "risk_picture_factors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_picture_factor_clients" (
    "factor_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,

    CONSTRAINT "risk_picture_factor_clients_pkey" PRIMARY KEY ("factor_id","client_id")
);

-- CreateIndex
CREATE INDEX "risk_pictures_decision_id_idx" ON "risk_pictures"("decision_id");

-- CreateIndex
CREATE INDEX "risk_pictures_recorded_by_id_idx" ON "risk_pictures"("recorded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "risk_pictures_dossier_id_version_key" ON "risk_pictures"("dossier_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "risk_picture_factors_picture_id_factor_key_key" ON "risk_picture_factors"("picture_id", "factor_key");

-- CreateIndex
CREATE INDEX "risk_picture_factor_clients_client_id_idx" ON "risk_picture_factor_clients"("client_id");

-- AddForeignKey
ALTER TABLE "risk_pictures" ADD CONSTRAINT "risk_pictures_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_pictures" ADD CONSTRAINT "risk_pictures_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_pictures" ADD CONSTRAINT "risk_pictures_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_picture_factors" ADD CONSTRAINT "risk_picture_factors_picture_id_fkey" FOREIGN KEY ("picture_id") REFERENCES "risk_pictures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_picture_factor_clients" ADD CONSTRAINT "risk_picture_factor_clients_factor_id_fkey" FOREIGN KEY ("factor_id") REFERENCES "risk_picture_factors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_picture_factor_clients" ADD CONSTRAINT "risk_picture_factor_clients_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "aanmelding_clients"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
