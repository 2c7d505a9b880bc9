-- CreateTable
CREATE TABLE "login_attempt_counters" (
    "bucket" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "login_attempt_counters_pkey" PRIMARY KEY ("bucket","key_hash","window_start")
);

-- CreateIndex
CREATE INDEX "login_attempt_counters_window_start_idx" ON "login_attempt_counters"("window_start");
