-- CreateIndex
CREATE INDEX "information_request_responding_organisation_id_status_due_a_idx" ON "information_request"("responding_organisation_id", "status", "due_at", "id");
