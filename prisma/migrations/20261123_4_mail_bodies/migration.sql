-- Mail bodies stored once (issue 5). An agenda goes to every standing member with the same text
-- and HTML; only the headers and the invitation differ per recipient. The bodies move to their
-- own table, keyed by a digest of their content, and an outbox row points at its body: a fan-out
-- of 500 agendas writes one body of 20 kB instead of 500 copies, and the sender encodes each body
-- once. The digest is the SHA-256 (hex) of the UTF-8 text, a 0x00 byte, then 0x00 when there is
-- no HTML or 0x01 followed by the UTF-8 HTML (PostgreSQL text never holds a NUL byte, so the
-- separator is unambiguous). OutboxRepository computes the same digest.
CREATE TABLE "mail_bodies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "digest" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "mail_bodies_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "mail_bodies_digest_key" ON "mail_bodies"("digest");

ALTER TABLE "mail_outbox" ADD COLUMN "body_id" UUID;

INSERT INTO "mail_bodies" ("digest", "text_body", "html_body")
SELECT DISTINCT ON (d.digest) d.digest, d.text_body, d.html_body
  FROM (SELECT encode(sha256(convert_to("text_body", 'UTF8') || '\x00'::bytea ||
                      CASE WHEN "html_body" IS NULL THEN '\x00'::bytea
                           ELSE '\x01'::bytea || convert_to("html_body", 'UTF8') END), 'hex') AS digest,
               "text_body", "html_body"
          FROM "mail_outbox") d;

UPDATE "mail_outbox" o
   SET "body_id" = b."id"
  FROM "mail_bodies" b
 WHERE b."digest" = encode(sha256(convert_to(o."text_body", 'UTF8') || '\x00'::bytea ||
                          CASE WHEN o."html_body" IS NULL THEN '\x00'::bytea
                               ELSE '\x01'::bytea || convert_to(o."html_body", 'UTF8') END), 'hex');

ALTER TABLE "mail_outbox" ALTER COLUMN "body_id" SET NOT NULL;
ALTER TABLE "mail_outbox" DROP COLUMN "text_body";
ALTER TABLE "mail_outbox" DROP COLUMN "html_body";

CREATE INDEX "mail_outbox_body_id_idx" ON "mail_outbox"("body_id");

ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_body_id_fkey" FOREIGN KEY ("body_id") REFERENCES "mail_bodies"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
