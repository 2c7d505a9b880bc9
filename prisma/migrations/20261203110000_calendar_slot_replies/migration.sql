-- Answers to a guest's slot invitation (issue #16): the slot has its own UID (slot-<agendapunt>),
-- so its answer is kept apart from the same person's answer to the session's own invitation.
ALTER TABLE "calendar_replies" ADD COLUMN "agenda_item_id" UUID;

DROP INDEX "calendar_replies_session_id_attendee_email_key";

-- NULLS NOT DISTINCT (PostgreSQL 15+): one answer per attendee to the session's own invitation
-- (agenda_item_id NULL) as well as per slot.
CREATE UNIQUE INDEX "calendar_replies_session_id_agenda_item_id_attendee_email_key" ON "calendar_replies"("session_id", "agenda_item_id", "attendee_email") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "calendar_replies" ADD CONSTRAINT "calendar_replies_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
