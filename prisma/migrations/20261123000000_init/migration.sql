-- Initial whole-domain schema of overlegtafels. Written by hand to match prisma/schema.prisma
-- (the Prisma schema engine is not available); libs/persistence/src/schema-consistency.int-spec.ts
-- proves the two agree. Besides what the Prisma schema declares, this file adds:
--   - the citext extension (persons.email is unique per region regardless of case);
--   - NULLS NOT DISTINCT on role_assignments (person, role, table_key);
--   - CHECK constraints Prisma cannot express (see "CheckConstraints" below);
--   - the append-only trigger on audit_events (UPDATE, DELETE and TRUNCATE are refused).

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "citext";

-- CreateEnum
CREATE TYPE "organisation_kind" AS ENUM ('politie', 'parket', 'caw', 'stad', 'vk', 'opgroeien', 'cgg', 'justitiehuis', 'meldpunt-risicojongeren', 'casemanagement', 'verslavingszorg', 'vaph', 'ketenteam', 'andere');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'coordinator', 'casusregisseur', 'aanmelder', 'member');

-- CreateEnum
CREATE TYPE "table_function" AS ENUM ('voorzitter', 'coordinator', 'verslaggever', 'lid', 'op-afroep');

-- CreateEnum
CREATE TYPE "session_status" AS ENUM ('planned', 'frozen', 'sent', 'held', 'cancelled');

-- CreateEnum
CREATE TYPE "dossier_phase" AS ENUM ('aangemeld', 'herbespreking', 'geen_ketenaanpak', 'zonder_casusregisseur', 'geen_instemming', 'casusregie', 'afgerond', 'afgesloten');

-- CreateEnum
CREATE TYPE "ifg_profile" AS ENUM ('intiem_terrorisme', 'situationeel_geweld', 'opvoedstress', 'langdurige_zorg', 'vechtscheiding');

-- CreateEnum
CREATE TYPE "client_role" AS ENUM ('pleger', 'slachtoffer', 'kind', 'andere');

-- CreateEnum
CREATE TYPE "agenda_item_status" AS ENUM ('placed', 'rolled_over', 'withdrawn', 'discussed');

-- CreateEnum
CREATE TYPE "agenda_guest_kind" AS ENUM ('aanmelder', 'consulent', 'expert');

-- CreateEnum
CREATE TYPE "decision_kind" AS ENUM ('geen_ketenaanpak', 'zonder_casusregisseur', 'met_casusregie', 'herbespreking', 'geen_instemming', 'pva_besproken', 'afronding_goedgekeurd', 'afronding_niet_goedgekeurd', 'opvolging_genoteerd', 'afsluiting_bevestigd', 'afsluiting_niet_bevestigd');

-- CreateEnum
CREATE TYPE "obligation_status" AS ENUM ('open', 'fulfilled', 'cancelled');

-- CreateEnum
CREATE TYPE "mail_status" AS ENUM ('pending', 'sending', 'sent', 'failed');

-- CreateEnum
CREATE TYPE "audit_outcome" AS ENUM ('allowed', 'denied');

-- CreateTable
CREATE TABLE "regions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Brussels',
    "mail_from_name" TEXT NOT NULL,
    "mail_from_address" TEXT NOT NULL,
    "mail_reply_to" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "regions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "region_id" UUID NOT NULL,
    "kind" "organisation_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "contact_email" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "persons" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "region_id" UUID NOT NULL,
    "organisation_id" UUID,
    "display_name" TEXT NOT NULL,
    "email" CITEXT NOT NULL,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "persons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_assignments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "role" "role" NOT NULL,
    "table_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "role_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "table_memberships" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "region_id" UUID NOT NULL,
    "table_key" TEXT NOT NULL,
    "function" "table_function" NOT NULL,
    "standing" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "table_memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" TEXT NOT NULL,
    "person_id" UUID NOT NULL,
    "csrf_secret" TEXT NOT NULL,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" TEXT NOT NULL,
    "person_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "login_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_feed_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "person_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "calendar_feed_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "region_id" UUID NOT NULL,
    "table_key" TEXT NOT NULL,
    "scheduled_start" TIMESTAMPTZ(3) NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "session_status" NOT NULL DEFAULT 'planned',
    "cancel_reason" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "moved_from_starts_at" TIMESTAMPTZ(3),
    "move_reason" TEXT,
    "capacity_minutes" INTEGER,
    "frozen_at" TIMESTAMPTZ(3),
    "sent_at" TIMESTAMPTZ(3),
    "held_at" TIMESTAMPTZ(3),
    "ics_sequence" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "closed_periods" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "region_id" UUID NOT NULL,
    "table_key" TEXT,
    "from_date" DATE NOT NULL,
    "to_date" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "closed_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossiers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "region_id" UUID NOT NULL,
    "phase" "dossier_phase" NOT NULL DEFAULT 'aangemeld',
    "casusregisseur_id" UUID,
    "aanmelder_id" UUID NOT NULL,
    "aanmelder_organisation_id" UUID,
    "casusregie_start_date" DATE,
    "afronding_date" DATE,
    "afsluiting_date" DATE,
    "consent_verified_at" TIMESTAMPTZ(3),
    "consent_verified_by_id" UUID,
    "no_consent_returns" INTEGER NOT NULL DEFAULT 0,
    "ocj_sdj_consulent_involved" BOOLEAN NOT NULL DEFAULT false,
    "consulent_id" UUID,
    "consulent_email" TEXT,
    "children_over_12" INTEGER NOT NULL DEFAULT 0,
    "children_over_12_heard_at" TIMESTAMPTZ(3),
    "ifg_profile" "ifg_profile",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dossiers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier_code_counters" (
    "region_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dossier_code_counters_pkey" PRIMARY KEY ("region_id","year")
);

-- CreateTable
CREATE TABLE "aanmeldingen" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dossier_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 1,
    "aanmelder_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "contact_phone" TEXT,
    "contact_email" TEXT NOT NULL,
    "why_now" TEXT NOT NULL,
    "violence_description" TEXT NOT NULL,
    "situation_at_start" TEXT NOT NULL,
    "situation_now" TEXT NOT NULL,
    "main_risks" TEXT NOT NULL,
    "client_relations" TEXT NOT NULL,
    "services_involved" TEXT NOT NULL,
    "safety_plan_exists" BOOLEAN NOT NULL,
    "safety_plan_description" TEXT,
    "questions_and_expectations" TEXT NOT NULL,
    "confidentiality_confirmed_at" TIMESTAMPTZ(3) NOT NULL,
    "family_informed" BOOLEAN NOT NULL,
    "family_not_informed_reason" TEXT,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "aanmeldingen_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "aanmelding_clients" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "aanmelding_id" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "label" TEXT NOT NULL,
    "role" "client_role" NOT NULL,
    "age" INTEGER,
    "over_12" BOOLEAN NOT NULL DEFAULT false,
    "relation" TEXT,
    "wishes_and_needs" TEXT,
    CONSTRAINT "aanmelding_clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "table_key" TEXT NOT NULL,
    "item_type" TEXT NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "slot_start" TIMESTAMPTZ(3),
    "slot_end" TIMESTAMPTZ(3),
    "status" "agenda_item_status" NOT NULL DEFAULT 'placed',
    "aanmelding_id" UUID,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_by_id" UUID NOT NULL,
    "question" TEXT,
    "document_id" UUID,
    "late_reason" TEXT,
    "override_reason" TEXT,
    "overridden_by_id" UUID,
    "original_session_id" UUID,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdraw_reason" TEXT,
    "shared_with_session" BOOLEAN NOT NULL DEFAULT false,
    "ics_sequence" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agenda_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "agenda_item_guests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agenda_item_id" UUID NOT NULL,
    "kind" "agenda_guest_kind" NOT NULL,
    "person_id" UUID,
    "email" TEXT,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agenda_item_guests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "documents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dossier_id" UUID NOT NULL,
    "storage_key" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "agenda_item_id" UUID NOT NULL,
    "dossier_id" UUID NOT NULL,
    "table_key" TEXT NOT NULL,
    "kind" "decision_kind" NOT NULL,
    "advice_text" TEXT,
    "missing_information" TEXT,
    "casusregisseur_id" UUID,
    "start_date" DATE,
    "terugkomdatum" DATE,
    "notes" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" UUID NOT NULL,
    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follow_up_obligations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "dossier_id" UUID NOT NULL,
    "rule_key" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "owner_id" UUID,
    "owner_role" "role" NOT NULL,
    "table_key" TEXT,
    "item_type" TEXT,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "obligation_status" NOT NULL DEFAULT 'open',
    "fulfilled_at" TIMESTAMPTZ(3),
    "fulfilled_by_id" UUID,
    "fulfilment_note" TEXT,
    "fulfilled_by_agenda_item_id" UUID,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "last_escalated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "follow_up_obligations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "obligation_reminders" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "obligation_id" UUID NOT NULL,
    "step_key" TEXT NOT NULL,
    "send_at" TIMESTAMPTZ(3) NOT NULL,
    "enqueued_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "obligation_reminders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "idempotency_key" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "template_key" TEXT NOT NULL,
    "recipient_email" TEXT NOT NULL,
    "recipient_person_id" UUID,
    "session_id" UUID,
    "agenda_item_id" UUID,
    "dossier_id" UUID,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "message_id" TEXT NOT NULL,
    "from_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT NOT NULL,
    "html_body" TEXT,
    "ics_method" TEXT,
    "ics_content" TEXT,
    "status" "mail_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_person_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "dossier_id" UUID,
    "route" TEXT,
    "outcome" "audit_outcome" NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "regions_key_key" ON "regions"("key");

-- CreateIndex
CREATE INDEX "organisations_region_id_kind_idx" ON "organisations"("region_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "organisations_region_id_name_key" ON "organisations"("region_id", "name");

-- CreateIndex
CREATE INDEX "persons_organisation_id_idx" ON "persons"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "persons_region_id_email_key" ON "persons"("region_id", "email");

-- CreateIndex
CREATE INDEX "role_assignments_role_table_key_idx" ON "role_assignments"("role", "table_key");

-- CreateIndex
-- NULLS NOT DISTINCT (PostgreSQL 15+): a region-wide role (table_key NULL) cannot be held twice.
CREATE UNIQUE INDEX "role_assignments_person_id_role_table_key_key" ON "role_assignments"("person_id", "role", "table_key") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "table_memberships_region_id_table_key_idx" ON "table_memberships"("region_id", "table_key");

-- CreateIndex
CREATE UNIQUE INDEX "table_memberships_person_id_region_id_table_key_key" ON "table_memberships"("person_id", "region_id", "table_key");

-- CreateIndex
CREATE UNIQUE INDEX "user_sessions_token_hash_key" ON "user_sessions"("token_hash");

-- CreateIndex
CREATE INDEX "user_sessions_person_id_idx" ON "user_sessions"("person_id");

-- CreateIndex
CREATE INDEX "user_sessions_expires_at_idx" ON "user_sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "login_tokens_token_hash_key" ON "login_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "login_tokens_person_id_idx" ON "login_tokens"("person_id");

-- CreateIndex
CREATE INDEX "login_tokens_expires_at_idx" ON "login_tokens"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "calendar_feed_tokens_token_hash_key" ON "calendar_feed_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "calendar_feed_tokens_person_id_idx" ON "calendar_feed_tokens"("person_id");

-- CreateIndex
CREATE INDEX "sessions_region_id_table_key_starts_at_idx" ON "sessions"("region_id", "table_key", "starts_at");

-- CreateIndex
CREATE INDEX "sessions_status_starts_at_idx" ON "sessions"("status", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_region_id_table_key_scheduled_start_key" ON "sessions"("region_id", "table_key", "scheduled_start");

-- CreateIndex
CREATE INDEX "closed_periods_region_id_table_key_from_date_idx" ON "closed_periods"("region_id", "table_key", "from_date");

-- CreateIndex
CREATE INDEX "closed_periods_created_by_id_idx" ON "closed_periods"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "dossiers_code_key" ON "dossiers"("code");

-- CreateIndex
CREATE INDEX "dossiers_region_id_phase_idx" ON "dossiers"("region_id", "phase");

-- CreateIndex
CREATE INDEX "dossiers_casusregisseur_id_idx" ON "dossiers"("casusregisseur_id");

-- CreateIndex
CREATE INDEX "dossiers_aanmelder_id_idx" ON "dossiers"("aanmelder_id");

-- CreateIndex
CREATE INDEX "dossiers_aanmelder_organisation_id_idx" ON "dossiers"("aanmelder_organisation_id");

-- CreateIndex
CREATE INDEX "dossiers_consulent_id_idx" ON "dossiers"("consulent_id");

-- CreateIndex
CREATE INDEX "dossiers_consent_verified_by_id_idx" ON "dossiers"("consent_verified_by_id");

-- CreateIndex
CREATE INDEX "aanmeldingen_aanmelder_id_idx" ON "aanmeldingen"("aanmelder_id");

-- CreateIndex
CREATE INDEX "aanmeldingen_organisation_id_idx" ON "aanmeldingen"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "aanmeldingen_dossier_id_sequence_key" ON "aanmeldingen"("dossier_id", "sequence");

-- CreateIndex
CREATE INDEX "aanmelding_clients_aanmelding_id_position_idx" ON "aanmelding_clients"("aanmelding_id", "position");

-- CreateIndex
CREATE INDEX "agenda_items_session_id_position_idx" ON "agenda_items"("session_id", "position");

-- CreateIndex
CREATE INDEX "agenda_items_dossier_id_status_idx" ON "agenda_items"("dossier_id", "status");

-- CreateIndex
CREATE INDEX "agenda_items_aanmelding_id_idx" ON "agenda_items"("aanmelding_id");

-- CreateIndex
CREATE INDEX "agenda_items_document_id_idx" ON "agenda_items"("document_id");

-- CreateIndex
CREATE INDEX "agenda_items_original_session_id_idx" ON "agenda_items"("original_session_id");

-- CreateIndex
CREATE INDEX "agenda_items_submitted_by_id_idx" ON "agenda_items"("submitted_by_id");

-- CreateIndex
CREATE INDEX "agenda_items_overridden_by_id_idx" ON "agenda_items"("overridden_by_id");

-- CreateIndex
CREATE INDEX "agenda_item_guests_agenda_item_id_idx" ON "agenda_item_guests"("agenda_item_id");

-- CreateIndex
CREATE INDEX "agenda_item_guests_person_id_idx" ON "agenda_item_guests"("person_id");

-- CreateIndex
CREATE UNIQUE INDEX "documents_storage_key_key" ON "documents"("storage_key");

-- CreateIndex
CREATE INDEX "documents_dossier_id_idx" ON "documents"("dossier_id");

-- CreateIndex
CREATE INDEX "documents_uploaded_by_id_idx" ON "documents"("uploaded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_agenda_item_id_key" ON "decisions"("agenda_item_id");

-- CreateIndex
CREATE INDEX "decisions_dossier_id_decided_at_idx" ON "decisions"("dossier_id", "decided_at");

-- CreateIndex
CREATE INDEX "decisions_casusregisseur_id_idx" ON "decisions"("casusregisseur_id");

-- CreateIndex
CREATE INDEX "decisions_decided_by_id_idx" ON "decisions"("decided_by_id");

-- CreateIndex
CREATE INDEX "follow_up_obligations_status_due_at_idx" ON "follow_up_obligations"("status", "due_at");

-- CreateIndex
CREATE INDEX "follow_up_obligations_owner_id_status_due_at_idx" ON "follow_up_obligations"("owner_id", "status", "due_at");

-- CreateIndex
CREATE INDEX "follow_up_obligations_fulfilled_by_id_idx" ON "follow_up_obligations"("fulfilled_by_id");

-- CreateIndex
CREATE INDEX "follow_up_obligations_fulfilled_by_agenda_item_id_idx" ON "follow_up_obligations"("fulfilled_by_agenda_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "follow_up_obligations_dossier_id_rule_key_sequence_key" ON "follow_up_obligations"("dossier_id", "rule_key", "sequence");

-- CreateIndex
CREATE INDEX "obligation_reminders_enqueued_at_send_at_idx" ON "obligation_reminders"("enqueued_at", "send_at");

-- CreateIndex
CREATE UNIQUE INDEX "obligation_reminders_obligation_id_step_key_key" ON "obligation_reminders"("obligation_id", "step_key");

-- CreateIndex
CREATE UNIQUE INDEX "mail_outbox_idempotency_key_key" ON "mail_outbox"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "mail_outbox_message_id_key" ON "mail_outbox"("message_id");

-- CreateIndex
CREATE INDEX "mail_outbox_status_created_at_idx" ON "mail_outbox"("status", "created_at");

-- CreateIndex
CREATE INDEX "mail_outbox_recipient_person_id_idx" ON "mail_outbox"("recipient_person_id");

-- CreateIndex
CREATE INDEX "mail_outbox_session_id_idx" ON "mail_outbox"("session_id");

-- CreateIndex
CREATE INDEX "mail_outbox_agenda_item_id_idx" ON "mail_outbox"("agenda_item_id");

-- CreateIndex
CREATE INDEX "mail_outbox_dossier_id_idx" ON "mail_outbox"("dossier_id");

-- CreateIndex
CREATE INDEX "audit_events_dossier_id_id_idx" ON "audit_events"("dossier_id", "id");

-- CreateIndex
CREATE INDEX "audit_events_actor_person_id_at_idx" ON "audit_events"("actor_person_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- AddForeignKey
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "persons" ADD CONSTRAINT "persons_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "table_memberships" ADD CONSTRAINT "table_memberships_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "table_memberships" ADD CONSTRAINT "table_memberships_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "login_tokens" ADD CONSTRAINT "login_tokens_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "closed_periods" ADD CONSTRAINT "closed_periods_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "closed_periods" ADD CONSTRAINT "closed_periods_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_casusregisseur_id_fkey" FOREIGN KEY ("casusregisseur_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_aanmelder_id_fkey" FOREIGN KEY ("aanmelder_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_aanmelder_organisation_id_fkey" FOREIGN KEY ("aanmelder_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_consent_verified_by_id_fkey" FOREIGN KEY ("consent_verified_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_consulent_id_fkey" FOREIGN KEY ("consulent_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier_code_counters" ADD CONSTRAINT "dossier_code_counters_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aanmeldingen" ADD CONSTRAINT "aanmeldingen_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aanmeldingen" ADD CONSTRAINT "aanmeldingen_aanmelder_id_fkey" FOREIGN KEY ("aanmelder_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aanmeldingen" ADD CONSTRAINT "aanmeldingen_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "aanmelding_clients" ADD CONSTRAINT "aanmelding_clients_aanmelding_id_fkey" FOREIGN KEY ("aanmelding_id") REFERENCES "aanmeldingen"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_aanmelding_id_fkey" FOREIGN KEY ("aanmelding_id") REFERENCES "aanmeldingen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_overridden_by_id_fkey" FOREIGN KEY ("overridden_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_original_session_id_fkey" FOREIGN KEY ("original_session_id") REFERENCES "sessions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item_guests" ADD CONSTRAINT "agenda_item_guests_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_item_guests" ADD CONSTRAINT "agenda_item_guests_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_casusregisseur_id_fkey" FOREIGN KEY ("casusregisseur_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_obligations" ADD CONSTRAINT "follow_up_obligations_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_obligations" ADD CONSTRAINT "follow_up_obligations_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_obligations" ADD CONSTRAINT "follow_up_obligations_fulfilled_by_id_fkey" FOREIGN KEY ("fulfilled_by_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follow_up_obligations" ADD CONSTRAINT "follow_up_obligations_fulfilled_by_agenda_item_id_fkey" FOREIGN KEY ("fulfilled_by_agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "obligation_reminders" ADD CONSTRAINT "obligation_reminders_obligation_id_fkey" FOREIGN KEY ("obligation_id") REFERENCES "follow_up_obligations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_recipient_person_id_fkey" FOREIGN KEY ("recipient_person_id") REFERENCES "persons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_agenda_item_id_fkey" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_dossier_id_fkey" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_person_id_fkey" FOREIGN KEY ("actor_person_id") REFERENCES "persons"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- CheckConstraints
ALTER TABLE "agenda_item_guests" ADD CONSTRAINT "agenda_item_guests_person_or_email_check" CHECK ("person_id" IS NOT NULL OR "email" IS NOT NULL);
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_duration_minutes_check" CHECK ("duration_minutes" > 0);
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_slot_check" CHECK (("slot_start" IS NULL) = ("slot_end" IS NULL) AND ("slot_end" IS NULL OR "slot_end" > "slot_start"));
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_ends_after_starts_check" CHECK ("ends_at" > "starts_at");
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_capacity_minutes_check" CHECK ("capacity_minutes" IS NULL OR "capacity_minutes" >= 0);
ALTER TABLE "closed_periods" ADD CONSTRAINT "closed_periods_range_check" CHECK ("to_date" >= "from_date");
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_counts_check" CHECK ("no_consent_returns" >= 0 AND "children_over_12" >= 0);
ALTER TABLE "aanmeldingen" ADD CONSTRAINT "aanmeldingen_sequence_check" CHECK ("sequence" >= 1);
ALTER TABLE "documents" ADD CONSTRAINT "documents_size_bytes_check" CHECK ("size_bytes" >= 0);
ALTER TABLE "dossier_code_counters" ADD CONSTRAINT "dossier_code_counters_last_number_check" CHECK ("last_number" >= 0);

-- AppendOnlyAuditLog
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_events_no_update_or_delete"
    BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate"
    BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
