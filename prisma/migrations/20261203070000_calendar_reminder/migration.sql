-- A person's reminder for their calendar entries (issue #16): minutes before the start, or none.
ALTER TABLE "persons" ADD COLUMN "calendar_reminder_minutes" INTEGER;

-- Only the choices of /agenda-abonnement: 15 minutes, 1 hour, 1 day.
ALTER TABLE "persons" ADD CONSTRAINT "persons_calendar_reminder_minutes_check"
  CHECK ("calendar_reminder_minutes" IS NULL OR "calendar_reminder_minutes" IN (15, 60, 1440));
