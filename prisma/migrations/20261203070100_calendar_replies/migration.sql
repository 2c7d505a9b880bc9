-- Answers to session invitations read from the organiser mailbox (issue #16).

-- Every message of the mailbox that was handled, once: the SHA-256 of its Message-ID and the outcome.
CREATE TABLE "processed_reply_messages" (
    "message_key" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "processed_reply_messages_pkey" PRIMARY KEY ("message_key")
);

-- Each invited attendee's latest answer to a session's invitation.
CREATE TABLE "calendar_replies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_id" UUID NOT NULL,
    "attendee_email" CITEXT NOT NULL,
    "person_id" UUID,
    "partstat" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "message_key" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendar_replies_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "calendar_replies_partstat_check" CHECK ("partstat" IN ('ACCEPTED', 'TENTATIVE', 'DECLINED')),
    CONSTRAINT "calendar_replies_sequence_check" CHECK ("sequence" >= 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "calendar_replies_session_id_attendee_email_key" ON "calendar_replies"("session_id", "attendee_email");

-- AddForeignKey
ALTER TABLE "calendar_replies" ADD CONSTRAINT "calendar_replies_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_replies" ADD CONSTRAINT "calendar_replies_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;
