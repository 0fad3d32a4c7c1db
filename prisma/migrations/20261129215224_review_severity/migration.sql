-- Only serious flags are urgent (decision 027, issue 13). The domain decides a new decision's
-- review severity; record_decision now stores it as the queue item's "flagged" (urgent first in the
-- queue) instead of "any flag at all". The decision JSON carries it as review_urgent; a caller that
-- does not send it gets the old rule. Existing rows keep what they have. CREATE OR REPLACE keeps
-- the function's owner and grants.
CREATE OR REPLACE FUNCTION "record_decision"(p_draft_id uuid, p_decision jsonb, p_event jsonb,
                                             p_prefix text, p_middle text, p_suffix text)
RETURNS boolean
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
    d decision;
BEGIN
    DELETE FROM decision_draft WHERE id = p_draft_id;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    d := jsonb_populate_record(NULL::decision, p_decision);
    INSERT INTO decision (id, reference, draft_id, kind, supersedes_id, organisation_id, team_id, author_id,
                          case_reference, urgency, origin, concern_categories, child_at_risk, indication, outcome,
                          departs_from_indication, review_flags, consent_status, lawful_basis_ids, guidance_version,
                          decision_date, recorded_at, review_due_at, retain_until, record)
    VALUES (d.id, d.reference, p_draft_id, d.kind, d.supersedes_id, d.organisation_id, d.team_id, d.author_id,
            d.case_reference, d.urgency, d.origin, d.concern_categories, d.child_at_risk, d.indication, d.outcome,
            d.departs_from_indication, d.review_flags, d.consent_status, d.lawful_basis_ids, d.guidance_version,
            d.decision_date, d.recorded_at, d.review_due_at, d.retain_until, d.record);
    INSERT INTO review_queue_item (decision_id, organisation_id, team_id, author_id, flagged, flags, outcome,
                                   recorded_at, review_due_at)
    VALUES (d.id, d.organisation_id, d.team_id, d.author_id,
            coalesce((p_decision ->> 'review_urgent')::boolean, cardinality(d.review_flags) > 0), d.review_flags,
            d.outcome, d.recorded_at, d.review_due_at);
    PERFORM notify_users('REVIEW_REQUESTED', team_supervisor_ids(d.team_id, ARRAY[d.author_id]), d.reference, NULL);
    PERFORM append_audit_event(
        (p_event ->> 'organisationId')::uuid, (p_event ->> 'at')::timestamptz, (p_event ->> 'actorId')::uuid,
        (p_event ->> 'actorRole')::"Role", p_event ->> 'action', p_event ->> 'objectType', p_event ->> 'objectId',
        p_event ->> 'caseReference', p_event ->> 'requestId', p_event ->> 'ip', (p_event ->> 'outcome')::"AuditOutcome",
        p_event -> 'detail', p_prefix, p_middle, p_suffix);
    RETURN true;
END;
$$;
