-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('ENDORSEMENT', 'CHALLENGE', 'NOTE', 'REPLY');

-- CreateEnum
CREATE TYPE "EscalationStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateTable
CREATE TABLE "organisation_settings" (
    "organisation_id" UUID NOT NULL,
    "review_within_days_emergency" INTEGER NOT NULL DEFAULT 2,
    "review_within_days_flagged" INTEGER NOT NULL DEFAULT 2,
    "review_within_days_routine" INTEGER NOT NULL DEFAULT 28,
    "retention_years" INTEGER NOT NULL DEFAULT 6,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID,

    CONSTRAINT "organisation_settings_pkey" PRIMARY KEY ("organisation_id")
);

-- CreateTable
CREATE TABLE "review" (
    "id" UUID NOT NULL,
    "decision_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "comment" TEXT,
    "action_required" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_queue_item" (
    "decision_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "team_id" UUID,
    "author_id" UUID NOT NULL,
    "flagged" BOOLEAN NOT NULL,
    "flags" TEXT[],
    "outcome" "DecisionOutcome" NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "review_due_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_queue_item_pkey" PRIMARY KEY ("decision_id")
);

-- CreateTable
CREATE TABLE "escalation" (
    "id" UUID NOT NULL,
    "decision_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "team_id" UUID,
    "raised_by_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "EscalationStatus" NOT NULL DEFAULT 'OPEN',
    "resolution" TEXT,
    "resolved_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "decision_reference" TEXT,
    "escalation_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "review_decision_id_created_at_idx" ON "review"("decision_id", "created_at");

-- CreateIndex
CREATE INDEX "review_queue_item_team_id_flagged_recorded_at_decision_id_idx" ON "review_queue_item"("team_id", "flagged" DESC, "recorded_at", "decision_id");

-- CreateIndex
CREATE INDEX "review_queue_item_organisation_id_review_due_at_idx" ON "review_queue_item"("organisation_id", "review_due_at");

-- CreateIndex
CREATE INDEX "escalation_organisation_id_status_created_at_idx" ON "escalation"("organisation_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "escalation_decision_id_idx" ON "escalation"("decision_id");

-- CreateIndex
CREATE INDEX "notification_user_id_read_at_created_at_idx" ON "notification"("user_id", "read_at", "created_at");

-- AddForeignKey
ALTER TABLE "organisation_settings" ADD CONSTRAINT "organisation_settings_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review" ADD CONSTRAINT "review_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_queue_item" ADD CONSTRAINT "review_queue_item_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_raised_by_id_fkey" FOREIGN KEY ("raised_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line. Reviews (endorsements, challenges, notes, replies) are evidence
-- like the decisions they are about: never changed, never removed.

CREATE TRIGGER "review_no_update_or_delete"
    BEFORE UPDATE OR DELETE ON "review"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_record"();

CREATE TRIGGER "review_no_truncate"
    BEFORE TRUNCATE ON "review"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_to_record"();

-- Default privileges gave the app role full row access to the new tables; take back what an
-- append-only table must not allow.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "review" FROM infoshare_app;
