-- AlterTable
ALTER TABLE "decision_draft" ADD COLUMN     "answers_request_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "decision_draft_answers_request_id_key" ON "decision_draft"("answers_request_id");

-- CreateIndex
CREATE INDEX "information_request_answer_decision_id_idx" ON "information_request_answer"("decision_id");

-- AddForeignKey
ALTER TABLE "decision_draft" ADD CONSTRAINT "decision_draft_answers_request_id_fkey" FOREIGN KEY ("answers_request_id") REFERENCES "information_request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The app's role (decision 005, database hardening): a draft's link to the request it answers is set
-- when the draft is created and never moved to another request; the wizard updates only the answers.
REVOKE UPDATE ON "decision_draft" FROM infoshare_app;
GRANT UPDATE ("answers", "updated_at") ON "decision_draft" TO infoshare_app;
