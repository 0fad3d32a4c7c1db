-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PRACTITIONER', 'SUPERVISOR', 'IG_LEAD', 'ADMIN');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('LOCAL_AUTHORITY', 'SCHOOL', 'HEALTH', 'POLICE', 'EARLY_YEARS', 'VOLUNTARY');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "job_title" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organisation_id" UUID NOT NULL,
    "team_id" UUID,
    "disabled_at" TIMESTAMPTZ(3),
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_chain_head" (
    "chain_key" TEXT NOT NULL,
    "last_seq" BIGINT NOT NULL DEFAULT 0,
    "last_hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("chain_key")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "chain_key" TEXT NOT NULL,
    "chain_seq" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" UUID,
    "actor_role" "Role",
    "organisation_id" UUID,
    "action" TEXT NOT NULL,
    "object_type" TEXT,
    "object_id" TEXT,
    "case_reference" TEXT,
    "request_id" TEXT,
    "ip" TEXT,
    "outcome" "AuditOutcome" NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "prev_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisation_name_key" ON "organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "team_organisation_id_name_key" ON "team"("organisation_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_organisation_id_idx" ON "app_user"("organisation_id");

-- CreateIndex
CREATE INDEX "app_user_team_id_idx" ON "app_user"("team_id");

-- CreateIndex
CREATE INDEX "audit_event_organisation_id_at_idx" ON "audit_event"("organisation_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_at_idx" ON "audit_event"("actor_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_object_type_object_id_idx" ON "audit_event"("object_type", "object_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_chain_key_chain_seq_key" ON "audit_event"("chain_key", "chain_seq");

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (Prisma's schema language cannot express triggers).
-- The audit trail is append-only: rows are evidence, so no one may change or remove them, not
-- even the application's own database role. UPDATE and DELETE are refused row by row, TRUNCATE
-- (which fires no row triggers) per statement.

CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Record a new audit event instead of changing or removing one.';
END;
$$;

CREATE TRIGGER "audit_event_no_update_or_delete"
    BEFORE UPDATE OR DELETE ON "audit_event"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();

CREATE TRIGGER "audit_event_no_truncate"
    BEFORE TRUNCATE ON "audit_event"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"();
