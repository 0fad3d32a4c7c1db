-- CreateIndex
CREATE INDEX "audit_event_organisation_id_outcome_id_idx" ON "audit_event"("organisation_id", "outcome", "id" DESC);
