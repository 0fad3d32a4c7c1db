-- Hand-written migration: hardening against the app's own role (issue 12, decision 014).
--
-- 1. No SECURITY DEFINER function may resolve a name through a schema the caller controls. A
--    function whose search_path is "public" still searches pg_temp FIRST for tables, so the app
--    role could shadow "decision" with a temporary table whose trigger then ran as the owner.
--    Every function now fixes search_path to pg_catalog, public, pg_temp (pg_temp last) and the
--    functions below also schema-qualify their tables.
-- 2. The app role (and PUBLIC) lose TEMPORARY on this database: nothing of ours needs temp tables.
-- 3. Disposal only through dispose_decision(), which checks the record is due (or takes an IG
--    lead's recorded override with a reason) and appends the audit event itself, in the same
--    transaction: the app role can no longer erase a record without trace or before its time.
-- 4. Column-level UPDATE grants where the app must update, none on reasons.

-- 1. Fixed search paths on every function that exists already (triggers run as whoever fires them,
--    but a fixed path costs nothing and keeps the rule simple: every function has one).
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
               JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = 'public' AND p.prokind = 'f'
    LOOP
        EXECUTE pg_catalog.format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
    END LOOP;
END
$$;

-- 2. No temporary objects for the app role. The database's name differs per install and per test
--    run, so it is taken from current_database(). PUBLIC holds TEMPORARY by default, so it goes too.
DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM infoshare_app', current_database());
END
$$;

-- 3c. Disposal. The old function took any decision id and wrote no audit event.
DROP FUNCTION public."dispose_decision"(uuid, uuid);

CREATE FUNCTION public."dispose_decision"(
    p_decision_id uuid, p_actor_id uuid, p_request_id text, p_ip text, p_override_reason text DEFAULT NULL
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_actor public.app_user%ROWTYPE;
    v_target public.decision%ROWTYPE;
    v_review public.retention_review%ROWTYPE;
    v_due timestamptz;
    v_override boolean;
    v_reason text := pg_catalog.btrim(p_override_reason);
    v_detail jsonb;
    v_event bigint;
BEGIN
    SELECT * INTO v_actor FROM public.app_user WHERE id = p_actor_id;
    IF NOT FOUND OR v_actor.role <> 'IG_LEAD' OR v_actor.disabled_at IS NOT NULL THEN
        RAISE EXCEPTION 'only an active IG lead may dispose of a record' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO v_target FROM public.decision
     WHERE id = p_decision_id AND organisation_id = v_actor.organisation_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'decision % not found in the IG lead''s organisation', p_decision_id
            USING ERRCODE = 'no_data_found';
    END IF;
    SELECT * INTO v_review FROM public.retention_review WHERE decision_id = p_decision_id FOR UPDATE;
    IF FOUND AND v_review.disposed_at IS NOT NULL THEN
        RAISE EXCEPTION 'decision % has already been disposed of', v_target.reference
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    v_due := coalesce(v_review.retain_until, v_target.retain_until);
    v_override := v_due > pg_catalog.now();
    IF v_override AND (v_reason IS NULL OR pg_catalog.length(v_reason) < 10) THEN
        RAISE EXCEPTION 'decision % is not due for disposal until %', v_target.reference, v_due
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Only an IG lead may dispose of a record early, giving a reason of at least 10 characters.';
    END IF;

    PERFORM pg_catalog.set_config('infoshare.disposing', 'on', true);
    UPDATE public.decision
       SET case_reference = 'DISPOSED',
           concern_categories = '{}',
           record = pg_catalog.jsonb_build_object(
               'disposed', true,
               'reference', v_target.reference,
               'outcome', v_target.outcome,
               'kind', v_target.kind,
               'recordedAt', v_target.recorded_at,
               'guidanceVersion', v_target.guidance_version)
     WHERE id = p_decision_id;
    UPDATE public.review SET comment = NULL, action_required = NULL WHERE decision_id = p_decision_id;
    PERFORM pg_catalog.set_config('infoshare.disposing', 'off', true);
    UPDATE public.escalation SET reason = '[disposed]', resolution = NULL WHERE decision_id = p_decision_id;
    DELETE FROM public.review_queue_item WHERE decision_id = p_decision_id;
    UPDATE public.decision_draft SET supersedes_id = NULL WHERE supersedes_id = p_decision_id;
    INSERT INTO public.retention_review (decision_id, retain_until, reason, reviewed_by_id, reviewed_at, disposed_at)
    VALUES (p_decision_id, v_due,
            CASE WHEN v_override THEN 'Disposed early: ' || v_reason
                 ELSE 'Disposed at the end of its retention period' END,
            v_actor.id, pg_catalog.now(), pg_catalog.now())
    ON CONFLICT (decision_id) DO UPDATE
       SET disposed_at = EXCLUDED.disposed_at, reviewed_by_id = EXCLUDED.reviewed_by_id,
           reviewed_at = EXCLUDED.reviewed_at,
           reason = CASE WHEN v_override THEN EXCLUDED.reason ELSE public.retention_review.reason END;

    v_detail := pg_catalog.jsonb_build_object(
        'retainUntil', pg_catalog.to_char(v_due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
    IF v_override THEN
        v_detail := v_detail || pg_catalog.jsonb_build_object('override', true, 'reason', v_reason);
    END IF;
    -- The one audit append (decision 012), in this transaction: no disposal goes unrecorded.
    v_event := (public.append_audit_event(v_actor.organisation_id, v_actor.id, v_actor.role, 'retention.dispose',
                                          'decision', v_target.reference, NULL, p_request_id, p_ip, 'SUCCESS',
                                          v_detail)).id;
    RETURN v_event;
END;
$$;

REVOKE ALL ON FUNCTION public."dispose_decision"(uuid, uuid, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public."dispose_decision"(uuid, uuid, text, text, text) TO infoshare_app;

-- 4. Column-level grants: the app updates only the columns its use cases change. An escalation's
--    reason, a retention review's disposal time, and everything of a queue item, team or
--    organisation are no longer the app role's to change (disposal does it, as the owner).
REVOKE UPDATE ON public."escalation" FROM infoshare_app;
GRANT UPDATE ("status", "resolution", "resolved_by_id", "resolved_at") ON public."escalation" TO infoshare_app;
REVOKE INSERT, UPDATE ON public."retention_review" FROM infoshare_app;
GRANT INSERT ("decision_id", "retain_until", "reason", "reviewed_by_id", "reviewed_at")
    ON public."retention_review" TO infoshare_app;
GRANT UPDATE ("retain_until", "reason", "reviewed_by_id", "reviewed_at") ON public."retention_review" TO infoshare_app;
REVOKE UPDATE ON public."notification" FROM infoshare_app;
GRANT UPDATE ("read_at") ON public."notification" TO infoshare_app;
REVOKE UPDATE ON public."review_queue_item" FROM infoshare_app;
REVOKE UPDATE ON public."organisation" FROM infoshare_app;
REVOKE UPDATE ON public."team" FROM infoshare_app;
