-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('SHARE', 'SHARE_PART', 'NO_SHARE');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('ORIGINAL', 'CORRECTION', 'RECONSIDERATION');

-- CreateTable
CREATE TABLE "decision_draft" (
    "id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "kind" "DecisionKind" NOT NULL DEFAULT 'ORIGINAL',
    "supersedes_id" UUID,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decision_draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "draft_id" UUID NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "supersedes_id" UUID,
    "organisation_id" UUID NOT NULL,
    "team_id" UUID,
    "author_id" UUID NOT NULL,
    "case_reference" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "concern_categories" TEXT[],
    "child_at_risk" BOOLEAN NOT NULL,
    "indication" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "departs_from_indication" BOOLEAN NOT NULL,
    "review_flags" TEXT[],
    "consent_status" TEXT NOT NULL,
    "lawful_basis_ids" TEXT[],
    "guidance_version" TEXT NOT NULL,
    "decision_date" DATE NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "review_due_at" TIMESTAMPTZ(3) NOT NULL,
    "retain_until" TIMESTAMPTZ(3) NOT NULL,
    "record" JSONB NOT NULL,

    CONSTRAINT "decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "decision_draft_author_id_updated_at_idx" ON "decision_draft"("author_id", "updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "decision_reference_key" ON "decision"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "decision_draft_id_key" ON "decision"("draft_id");

-- CreateIndex
CREATE INDEX "decision_author_id_recorded_at_idx" ON "decision"("author_id", "recorded_at");

-- CreateIndex
CREATE INDEX "decision_organisation_id_recorded_at_idx" ON "decision"("organisation_id", "recorded_at");

-- CreateIndex
CREATE INDEX "decision_organisation_id_case_reference_idx" ON "decision"("organisation_id", "case_reference");

-- CreateIndex
CREATE INDEX "decision_team_id_recorded_at_idx" ON "decision"("team_id", "recorded_at");

-- CreateIndex
CREATE INDEX "decision_supersedes_id_idx" ON "decision"("supersedes_id");

-- AddForeignKey
ALTER TABLE "decision_draft" ADD CONSTRAINT "decision_draft_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_draft" ADD CONSTRAINT "decision_draft_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision" ADD CONSTRAINT "decision_supersedes_id_fkey" FOREIGN KEY ("supersedes_id") REFERENCES "decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line. A recorded decision is evidence and never changes: corrections,
-- reviews and reconsiderations are new rows. UPDATE and DELETE are refused row by row, TRUNCATE
-- per statement, for every role (privileges for the app's own role come on top of this).

CREATE FUNCTION "refuse_change_to_record"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Record a new, linked entry instead of changing or removing one.';
END;
$$;

CREATE TRIGGER "decision_no_update_or_delete"
    BEFORE UPDATE OR DELETE ON "decision"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_record"();

CREATE TRIGGER "decision_no_truncate"
    BEFORE TRUNCATE ON "decision"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_to_record"();
