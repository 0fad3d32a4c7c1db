-- Issue 6 (docs/decisions/007-performance-and-resilience.md): indexes that keep the list and search
-- pages fast at a million decisions and five million audit events.

-- DropIndex
DROP INDEX "audit_event_organisation_id_at_idx";

-- CreateIndex
CREATE INDEX "audit_event_organisation_id_at_id_idx" ON "audit_event"("organisation_id", "at", "id");

-- CreateIndex
CREATE INDEX "audit_event_organisation_id_action_id_idx" ON "audit_event"("organisation_id", "action", "id" DESC);

-- CreateIndex
CREATE INDEX "audit_event_actor_id_id_idx" ON "audit_event"("actor_id", "id" DESC);

-- CreateIndex
CREATE INDEX "decision_organisation_id_retain_until_idx" ON "decision"("organisation_id", "retain_until");

-- CreateIndex
CREATE INDEX "review_queue_item_team_id_review_due_at_idx" ON "review_queue_item"("team_id", "review_due_at");
