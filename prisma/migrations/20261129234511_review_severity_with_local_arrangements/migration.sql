-- Only serious flags are urgent (decision 027, issue 13). The domain decides a new decision's review
-- severity; record_decision() now stores it as the queue item's "flagged" (urgent first in the queue)
-- instead of "any flag at all". The decision JSON carries it as review_urgent; a caller that does not
-- send it gets the old rule. Existing rows keep what they have.
-- Everything else is the function of migration 20261129204220 (local arrangements): the decision is
-- stamped with the organisation's local arrangements in force and inserted whole from the JSON (d.*).
-- Same signature, so the function's owner and grants stay.
CREATE OR REPLACE FUNCTION public."record_decision"(p_draft_id uuid, p_decision jsonb, p_event jsonb,
                                                   p_prefix text, p_middle text, p_suffix text)
RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    d public.decision;
BEGIN
    DELETE FROM public.decision_draft WHERE id = p_draft_id;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    d := jsonb_populate_record(NULL::public.decision, p_decision);
    d.draft_id := p_draft_id;
    d.local_arrangements := (
        SELECT coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'kind', a.kind, 'title', a.title,
                                                     'version', a.version, 'updatedAt', a.updated_at)
                                  ORDER BY a.kind, a.title, a.id), '[]'::jsonb)
          FROM public.local_arrangement a
         WHERE a.organisation_id = d.organisation_id AND a.archived_at IS NULL);
    INSERT INTO public.decision VALUES (d.*);
    INSERT INTO public.review_queue_item (decision_id, organisation_id, team_id, author_id, flagged, flags, outcome,
                                          recorded_at, review_due_at)
    VALUES (d.id, d.organisation_id, d.team_id, d.author_id,
            coalesce((p_decision ->> 'review_urgent')::boolean, cardinality(d.review_flags) > 0), d.review_flags,
            d.outcome, d.recorded_at, d.review_due_at);
    PERFORM public.notify_users('REVIEW_REQUESTED', public.team_supervisor_ids(d.team_id, ARRAY[d.author_id]),
                                d.reference, NULL);
    PERFORM public.append_audit_event(
        (p_event ->> 'organisationId')::uuid, (p_event ->> 'at')::timestamptz, (p_event ->> 'actorId')::uuid,
        (p_event ->> 'actorRole')::public."Role", p_event ->> 'action', p_event ->> 'objectType',
        p_event ->> 'objectId', p_event ->> 'caseReference', p_event ->> 'requestId', p_event ->> 'ip',
        (p_event ->> 'outcome')::public."AuditOutcome", p_event -> 'detail', p_prefix, p_middle, p_suffix);
    RETURN true;
END;
$$;
