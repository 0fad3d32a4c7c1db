-- CreateEnum
CREATE TYPE "decision_review_status" AS ENUM ('AWAITING_REVIEW', 'ENDORSED', 'CHALLENGED_NEEDS_ACTION', 'CHALLENGED_REPLIED', 'RECONSIDERED');

-- AlterTable
ALTER TABLE "decision" ADD COLUMN     "review_status" "decision_review_status" NOT NULL DEFAULT 'AWAITING_REVIEW';

-- CreateIndex
CREATE INDEX "decision_team_id_review_status_recorded_at_id_idx" ON "decision"("team_id", "review_status", "recorded_at", "id");

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line (issue 13): the review status kept in the row it describes.
--
-- The team view filtered by status used a CASE over the review table per row, which no index can
-- serve. The column is the domain's reviewStatus() (src/domain/review, which stays the rule; the
-- integration test review-status-column.test.ts holds the two equal): a follow-up (a correction or
-- reconsideration pointing at the decision) makes it RECONSIDERED; otherwise the last endorsement or
-- challenge decides, a challenge answered by a later reply being CHALLENGED_REPLIED. Triggers keep it,
-- in the transaction that adds the review or the follow-up, whoever writes them.

CREATE FUNCTION public."decision_review_status_of"(p_decision_id uuid) RETURNS public."decision_review_status"
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
    SELECT CASE
             WHEN EXISTS (SELECT 1 FROM public.decision f WHERE f.supersedes_id = p_decision_id) THEN 'RECONSIDERED'
             WHEN v.kind IS NULL THEN 'AWAITING_REVIEW'
             WHEN v.kind = 'ENDORSEMENT' THEN 'ENDORSED'
             WHEN EXISTS (SELECT 1 FROM public.review p
                           WHERE p.decision_id = p_decision_id AND p.kind = 'REPLY' AND p.created_at > v.created_at)
               THEN 'CHALLENGED_REPLIED'
             ELSE 'CHALLENGED_NEEDS_ACTION'
           END::public."decision_review_status"
      FROM (SELECT NULL) AS one
      LEFT JOIN LATERAL (SELECT r.kind, r.created_at FROM public.review r
                          WHERE r.decision_id = p_decision_id AND r.kind IN ('ENDORSEMENT', 'CHALLENGE')
                          ORDER BY r.created_at DESC LIMIT 1) v ON true;
$$;

-- The app's role may not UPDATE decision (append-only), so the trigger runs as the owner: it sets the
-- one column, to the value the rule gives, and nothing else.
CREATE FUNCTION public."refresh_decision_review_status"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_decision_id uuid;
    v_status public."decision_review_status";
BEGIN
    -- A review changes its own decision's status; a follow-up, the status of the decision it follows.
    IF TG_TABLE_NAME = 'review' THEN
        v_decision_id := NEW.decision_id;
    ELSE
        v_decision_id := NEW.supersedes_id;
    END IF;
    -- Reviews of one decision added at once: the row lock makes the second wait for the first to
    -- commit, and its status (a new statement, so a new snapshot) then counts the first's review too.
    PERFORM 1 FROM public.decision WHERE id = v_decision_id FOR UPDATE;
    v_status := public.decision_review_status_of(v_decision_id);
    UPDATE public.decision SET review_status = v_status
     WHERE id = v_decision_id AND review_status IS DISTINCT FROM v_status;
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION public."refresh_decision_review_status"() FROM PUBLIC;

-- A new decision has no reviews and no follow-ups yet, whatever its insert says: record_decision()
-- inserts a whole row from JSON (d.*), which would otherwise give NULL.
CREATE FUNCTION public."new_decision_awaits_review"() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    NEW.review_status := 'AWAITING_REVIEW';
    RETURN NEW;
END;
$$;

CREATE TRIGGER "decision_awaits_review" BEFORE INSERT ON "decision"
    FOR EACH ROW EXECUTE FUNCTION public."new_decision_awaits_review"();
CREATE TRIGGER "decision_follow_up_review_status" AFTER INSERT ON "decision"
    FOR EACH ROW WHEN (NEW.supersedes_id IS NOT NULL) EXECUTE FUNCTION public."refresh_decision_review_status"();
CREATE TRIGGER "review_review_status" AFTER INSERT ON "review"
    FOR EACH ROW EXECUTE FUNCTION public."refresh_decision_review_status"();

-- Still append-only: an UPDATE that changes anything but review_status is refused as before (and
-- disposal's, under infoshare.disposing, still goes through); DELETE always is.
DROP TRIGGER "decision_no_update_or_delete" ON "decision";
CREATE TRIGGER "decision_no_delete" BEFORE DELETE ON "decision"
    FOR EACH ROW EXECUTE FUNCTION public."refuse_change_to_record"();
CREATE TRIGGER "decision_no_update" BEFORE UPDATE ON "decision"
    FOR EACH ROW WHEN ((to_jsonb(OLD) - 'review_status') IS DISTINCT FROM (to_jsonb(NEW) - 'review_status'))
    EXECUTE FUNCTION public."refuse_change_to_record"();

-- Backfill: every existing decision's status from its reviews and follow-ups.
-- Only a decision with a review or a follow-up can be anything but awaiting review.
UPDATE public.decision d SET review_status = public.decision_review_status_of(d.id)
 WHERE d.id IN (SELECT r.decision_id FROM public.review r
                UNION SELECT f.supersedes_id FROM public.decision f WHERE f.supersedes_id IS NOT NULL);
