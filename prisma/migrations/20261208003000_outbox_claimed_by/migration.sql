-- The mail job holding a row while it is being sent: a mail job may send a batch of a fan-out's rows,
-- claimed together, and no other job may take them over before the sending lease is over.
ALTER TABLE "mail_outbox" ADD COLUMN "claimed_by" TEXT;
