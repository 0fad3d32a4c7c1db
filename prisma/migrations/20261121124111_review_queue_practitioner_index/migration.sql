-- Issue 6 (docs/decisions/007-performance-and-resilience.md): the review queue filtered to one
-- practitioner, in queue order, and its counts, without scanning the whole team's queue.

-- CreateIndex
CREATE INDEX "review_queue_item_team_id_author_id_flagged_recorded_at_dec_idx" ON "review_queue_item"("team_id", "author_id", "flagged" DESC, "recorded_at", "decision_id");
