-- CreateTable
CREATE TABLE "session_minutes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_id" UUID NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "reopened_at" TIMESTAMPTZ(3),
    "reopened_by_id" UUID,
    "reopen_reason" TEXT,
    "closings" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session_attendance" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_id" UUID NOT NULL,
    "participant" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "recorded_by_id" UUID NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "item_minutes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agenda_item_id" UUID NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "guests_present" JSONB NOT NULL DEFAULT '[]',
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "item_minutes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_points" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agenda_item_id" UUID NOT NULL,
    "what" TEXT NOT NULL,
    "owner_person_id" UUID NOT NULL,
    "owner_organisation_id" UUID,
    "due_date" DATE NOT NULL,
    "obligation_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "action_points_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "session_minutes_session_id_key" ON "session_minutes"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_attendance_session_id_participant_key" ON "session_attendance"("session_id", "participant");

-- CreateIndex
CREATE UNIQUE INDEX "item_minutes_agenda_item_id_key" ON "item_minutes"("agenda_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "action_points_obligation_id_key" ON "action_points"("obligation_id");

-- CreateIndex
CREATE INDEX "action_points_agenda_item_id_idx" ON "action_points"("agenda_item_id");

-- CreateIndex
CREATE INDEX "action_points_owner_person_id_idx" ON "action_points"("owner_person_id");

-- AddForeignKey
ALTER TABLE "session_minutes" ADD CONSTRAINT "session_minutes_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "item_minutes" ADD CONSTRAINT "item_minutes_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_points" ADD CONSTRAINT "action_points_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_points" ADD CONSTRAINT "action_points_obligation_id_fkey" FOREIGN KEY ("obligation_id") REFERENCES "follow_up_obligations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
