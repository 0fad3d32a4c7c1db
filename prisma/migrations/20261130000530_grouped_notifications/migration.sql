-- AlterTable
ALTER TABLE "notification" ADD COLUMN     "case_reference" TEXT,
ADD COLUMN     "decision_count" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Existing notifications: their own time, and the case of their decision so their text can name it.
-- They keep no reason, so they are never grouped.
UPDATE "notification" n SET "updated_at" = n."created_at";
UPDATE "notification" n SET "case_reference" = d."case_reference"
  FROM "decision" d WHERE d."reference" = n."decision_reference";

-- The app role's notify_users updates a grouped row's count, latest reference and time; read_at it
-- could already change (marking read). Nothing else of a notification is the app's to change.
GRANT UPDATE ("decision_reference", "decision_count", "updated_at") ON public."notification" TO infoshare_app;

-- Notifications grouped (issue 13, decision 027): a supervisor gets one review request per case and
-- reason, not one per decision. When a new decision for a case already has an unread REVIEW_REQUESTED
-- notification for the same reason (URGENT: an urgent flag; FLAGGED: a routine flag; UNFLAGGED: no
-- flag, as the queue item says), that row takes the count, the latest reference and the time instead
-- of a new row. Every notification names its decision's case. A transaction-scoped advisory lock per
-- recipient, case and reason keeps two decisions recorded at once from making two rows. The email
-- channel (decision 019) is unchanged: one outbox row per call and recipient. Same signature, so the
-- function's grants stay.
CREATE OR REPLACE FUNCTION public."notify_users"(p_kind text, p_recipient_ids uuid[], p_decision_reference text,
                                                p_escalation_id uuid)
RETURNS integer
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    written integer := 0;
    v_case text;
    v_reason text;
    recipient uuid;
    grouped uuid;
BEGIN
    IF p_decision_reference IS NOT NULL THEN
        SELECT d.case_reference INTO v_case FROM public.decision d WHERE d.reference = p_decision_reference;
    END IF;
    IF p_kind = 'REVIEW_REQUESTED' AND v_case IS NOT NULL THEN
        SELECT CASE WHEN q.flagged THEN 'URGENT' WHEN cardinality(q.flags) > 0 THEN 'FLAGGED' ELSE 'UNFLAGGED' END
          INTO v_reason
          FROM public.review_queue_item q JOIN public.decision d ON d.id = q.decision_id
         WHERE d.reference = p_decision_reference;
    END IF;
    FOR recipient IN SELECT DISTINCT r.id FROM unnest(coalesce(p_recipient_ids, '{}')) AS r(id) WHERE r.id IS NOT NULL
    LOOP
        grouped := NULL;
        IF v_reason IS NOT NULL THEN
            PERFORM pg_advisory_xact_lock(
                hashtextextended('notification/' || recipient || '/' || p_kind || '/' || v_case || '/' || v_reason, 0));
            UPDATE public.notification n
               SET decision_reference = p_decision_reference, decision_count = n.decision_count + 1, updated_at = now()
             WHERE n.id = (SELECT o.id FROM public.notification o
                            WHERE o.user_id = recipient AND o.kind = p_kind AND o.case_reference = v_case
                              AND o.reason = v_reason AND o.read_at IS NULL
                            ORDER BY o.updated_at DESC LIMIT 1)
            RETURNING n.id INTO grouped;
        END IF;
        IF grouped IS NULL THEN
            INSERT INTO public.notification (id, user_id, kind, decision_reference, escalation_id, case_reference,
                                             reason)
            VALUES (gen_random_uuid(), recipient, p_kind, p_decision_reference, p_escalation_id, v_case, v_reason);
        END IF;
        written := written + 1;
    END LOOP;
    INSERT INTO public.email_outbox (template, to_address, link_path)
    SELECT p_kind, u.email,
           CASE
               WHEN p_decision_reference IS NULL THEN '/notifications'
               WHEN p_kind IN ('REVIEW_REQUESTED', 'REPLY_RECEIVED') THEN '/review/' || p_decision_reference
               WHEN p_kind IN ('ESCALATION_RAISED', 'ESCALATION_RESOLVED') AND u.role <> 'PRACTITIONER'
                   THEN '/escalations'
               ELSE '/decisions/' || p_decision_reference
           END
      FROM public.app_user u
     WHERE u.id IN (SELECT unnest(coalesce(p_recipient_ids, '{}'))) AND u.disabled_at IS NULL
     ORDER BY u.id;
    RETURN written;
END;
$$;
