-- CreateEnum
CREATE TYPE "RequestEscalationReason" AS ENUM ('OVERDUE', 'REFUSAL_DISPUTED');

-- CreateEnum
CREATE TYPE "RequestEscalationOutcome" AS ENUM ('UPHOLD', 'ASK_TO_SHARE');

-- CreateTable
CREATE TABLE "request_escalation" (
    "id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "partnership_id" UUID NOT NULL,
    "reason" "RequestEscalationReason" NOT NULL,
    "raised_by_id" UUID,
    "reasons" TEXT,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "request_escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "request_escalation_decision" (
    "escalation_id" UUID NOT NULL,
    "outcome" "RequestEscalationOutcome" NOT NULL,
    "reasons" TEXT NOT NULL,
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "request_escalation_decision_pkey" PRIMARY KEY ("escalation_id")
);

-- CreateIndex
CREATE INDEX "request_escalation_partnership_id_raised_at_id_idx" ON "request_escalation"("partnership_id", "raised_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "request_escalation_request_id_reason_key" ON "request_escalation"("request_id", "reason");

-- CreateIndex
CREATE INDEX "information_request_partnership_id_received_at_idx" ON "information_request"("partnership_id", "received_at");

-- CreateIndex
CREATE INDEX "information_request_partnership_id_status_due_at_idx" ON "information_request"("partnership_id", "status", "due_at");

-- AddForeignKey
ALTER TABLE "request_escalation" ADD CONSTRAINT "request_escalation_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "information_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_escalation" ADD CONSTRAINT "request_escalation_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "request_escalation_decision" ADD CONSTRAINT "request_escalation_decision_escalation_id_fkey" FOREIGN KEY ("escalation_id") REFERENCES "request_escalation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The app's role (decision 005, database hardening): an escalation and the lead partners' decision on
-- it are records of what happened, never changed: the app may add and read them, nothing else.
REVOKE ALL ON "request_escalation" FROM infoshare_app;
GRANT SELECT, INSERT ON "request_escalation" TO infoshare_app;
REVOKE ALL ON "request_escalation_decision" FROM infoshare_app;
GRANT SELECT, INSERT ON "request_escalation_decision" TO infoshare_app;
