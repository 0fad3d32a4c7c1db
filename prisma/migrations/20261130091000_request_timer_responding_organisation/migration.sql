-- The responding organisation kept on each request timer (decision 028, "Measured"): the timer runner
-- claims one organisation's due timers from request_timer's own index, in due order, stopping at the
-- batch size, instead of joining information_request (at 1,000,000 requests that read every request,
-- or the organisation's 50,000, for each batch of 50). A request's responding organisation never changes
-- (the app may update only its status and assignee), so the copy cannot go stale.
-- Hand-edited: the column is filled from the requests before it becomes NOT NULL.

-- DropIndex
DROP INDEX "request_timer_fired_at_due_at_idx";

-- AlterTable
ALTER TABLE "request_timer" ADD COLUMN "responding_organisation_id" UUID;

UPDATE "request_timer" t SET "responding_organisation_id" = r."responding_organisation_id"
  FROM "information_request" r WHERE r."id" = t."request_id";

ALTER TABLE "request_timer" ALTER COLUMN "responding_organisation_id" SET NOT NULL;

-- CreateIndex
CREATE INDEX "request_timer_fired_at_due_at_id_idx" ON "request_timer"("fired_at", "due_at", "id");

-- CreateIndex
CREATE INDEX "request_timer_responding_organisation_id_fired_at_due_at_id_idx" ON "request_timer"("responding_organisation_id", "fired_at", "due_at", "id");
