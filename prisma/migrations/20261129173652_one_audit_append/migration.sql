-- Hand-written migration: ONE implementation of the audit append, and of writing notifications
-- (decision 012). Every writer appends through append_audit_event(): the TypeScript helper
-- appendAuditEvent(tx, …), recordDecision (through record_decision()), and any database function
-- that must audit what it does. No schema change, so schema.prisma is the previous one.

-- JSON text of a string as JavaScript's JSON.stringify writes it ("null" for NULL): PostgreSQL's
-- json escaping and JSON.stringify agree on every string PostgreSQL can hold (quote, backslash,
-- \b \f \n \r \t, other control characters as lower-case \u00xx, nothing else escaped).
CREATE FUNCTION "audit_json_text"(p_value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN p_value IS NULL THEN 'null' ELSE to_json(p_value)::text END
$$;

-- The domain's canonicalJson (src/domain/audit) for a jsonb value: keys sorted, no whitespace.
-- Keys sort by code point (COLLATE "C" on UTF-8), which is JavaScript's order for every key
-- without characters from U+E000 to U+FFFF beside ones above U+FFFF; such keys are refused rather
-- than risk a different order. Numbers must be safe integers: jsonb keeps "1.50" where JavaScript
-- writes 1.5, so other numbers are refused too (an event that would not verify is never written).
CREATE FUNCTION "audit_canonical_json"(p_value jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    result text;
BEGIN
    CASE jsonb_typeof(p_value)
        WHEN 'object' THEN
            IF EXISTS (SELECT 1 FROM jsonb_object_keys(p_value) AS k(key) WHERE k.key ~ '[\uE000-\uFFFF]') THEN
                RAISE EXCEPTION 'audit detail keys may not contain characters U+E000 to U+FFFF'
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            SELECT '{' || coalesce(string_agg(audit_json_text(e.key) || ':' || audit_canonical_json(e.value), ','
                                              ORDER BY e.key COLLATE "C"), '') || '}'
              INTO result FROM jsonb_each(p_value) AS e;
            RETURN result;
        WHEN 'array' THEN
            SELECT '[' || coalesce(string_agg(audit_canonical_json(a.value), ',' ORDER BY a.n), '') || ']'
              INTO result FROM jsonb_array_elements(p_value) WITH ORDINALITY AS a(value, n);
            RETURN result;
        WHEN 'string' THEN
            RETURN audit_json_text(p_value #>> '{}');
        WHEN 'number' THEN
            IF (p_value #>> '{}')::numeric <> trunc((p_value #>> '{}')::numeric)
               OR abs((p_value #>> '{}')::numeric) > 9007199254740991 THEN
                RAISE EXCEPTION 'audit detail numbers must be safe integers, not %', p_value
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            RETURN ((p_value #>> '{}')::numeric)::bigint::text;
        WHEN 'boolean' THEN
            RETURN p_value::text;
        ELSE
            RETURN 'null';
    END CASE;
END;
$$;

-- The domain's chainEventTemplate in SQL: the event's canonical serialisation with its chain
-- position left open, for database functions that audit what they do. The event's hash is
-- SHA-256 of prefix || chain_seq || middle || prev_hash || suffix. The time serialises as
-- JavaScript's toISOString (milliseconds, "Z"), so it must already be whole milliseconds.
CREATE FUNCTION "audit_event_template"(
    p_organisation_id uuid, p_at timestamptz, p_actor_id uuid, p_actor_role "Role", p_action text,
    p_object_type text, p_object_id text, p_case_reference text, p_request_id text, p_ip text,
    p_outcome "AuditOutcome", p_detail jsonb,
    OUT prefix text, OUT middle text, OUT suffix text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT '{"action":' || audit_json_text(p_action)
           || ',"actorId":' || audit_json_text(p_actor_id::text)
           || ',"actorRole":' || audit_json_text(p_actor_role::text)
           || ',"at":' || audit_json_text(to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           || ',"caseReference":' || audit_json_text(p_case_reference)
           || ',"chainKey":' || audit_json_text(coalesce(p_organisation_id::text, 'system'))
           || ',"chainSeq":"',
           '","detail":' || audit_canonical_json(coalesce(p_detail, '{}'::jsonb))
           || ',"ip":' || audit_json_text(p_ip)
           || ',"objectId":' || audit_json_text(p_object_id)
           || ',"objectType":' || audit_json_text(p_object_type)
           || ',"organisationId":' || audit_json_text(p_organisation_id::text)
           || ',"outcome":' || audit_json_text(p_outcome::text)
           || ',"prevHash":"',
           '","requestId":' || audit_json_text(p_request_id) || '}'
$$;

-- THE append. Locks the organisation's chain head (creating it at the genesis hash on the chain's
-- first event), chains the event after it, inserts the event and moves the head, all in the
-- caller's transaction: the event commits or rolls back with the change it describes, and the
-- head stays locked until that commit, so writers of one chain queue instead of forking it.
-- p_prefix / p_middle / p_suffix are the event's canonical serialisation with its position left
-- open (the domain's chainEventTemplate, or audit_event_template above); the hash is exactly the
-- domain's hashAuditEvent, so audit:verify checks every event alike.
CREATE FUNCTION "append_audit_event"(
    p_organisation_id uuid, p_at timestamptz, p_actor_id uuid, p_actor_role "Role", p_action text,
    p_object_type text, p_object_id text, p_case_reference text, p_request_id text, p_ip text,
    p_outcome "AuditOutcome", p_detail jsonb, p_prefix text, p_middle text, p_suffix text)
RETURNS audit_event
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
    v_chain_key text := coalesce(p_organisation_id::text, 'system');
    v_seq bigint;
    v_prev_hash text;
    v_hash text;
    v_event audit_event;
BEGIN
    SELECT last_seq + 1, last_hash INTO v_seq, v_prev_hash
      FROM audit_chain_head WHERE chain_key = v_chain_key FOR UPDATE;
    IF NOT FOUND THEN
        -- Another writer may be creating the head too: ON CONFLICT waits for it, then both lock it.
        INSERT INTO audit_chain_head (chain_key, last_seq, last_hash) VALUES (v_chain_key, 0, repeat('0', 64))
            ON CONFLICT (chain_key) DO NOTHING;
        SELECT last_seq + 1, last_hash INTO STRICT v_seq, v_prev_hash
          FROM audit_chain_head WHERE chain_key = v_chain_key FOR UPDATE;
    END IF;
    v_hash := encode(sha256(convert_to(p_prefix || v_seq::text || p_middle || v_prev_hash || p_suffix, 'UTF8')), 'hex');
    INSERT INTO audit_event (chain_key, chain_seq, at, actor_id, actor_role, organisation_id, action, object_type,
                             object_id, case_reference, request_id, ip, outcome, detail, prev_hash, hash)
    VALUES (v_chain_key, v_seq, p_at, p_actor_id, p_actor_role, p_organisation_id, p_action, p_object_type,
            p_object_id, p_case_reference, p_request_id, p_ip, p_outcome, coalesce(p_detail, '{}'::jsonb),
            v_prev_hash, v_hash)
    RETURNING * INTO v_event;
    UPDATE audit_chain_head SET last_seq = v_seq, last_hash = v_hash WHERE chain_key = v_chain_key;
    RETURN v_event;
END;
$$;

-- The same append for callers in SQL that have no domain template: the serialisation is built
-- here (audit_event_template), at the current time to the millisecond.
CREATE FUNCTION "append_audit_event"(
    p_organisation_id uuid, p_actor_id uuid, p_actor_role "Role", p_action text,
    p_object_type text, p_object_id text, p_case_reference text, p_request_id text, p_ip text,
    p_outcome "AuditOutcome", p_detail jsonb)
RETURNS audit_event
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
    v_at timestamptz := date_trunc('milliseconds', clock_timestamp());
    t record;
BEGIN
    t := audit_event_template(p_organisation_id, v_at, p_actor_id, p_actor_role, p_action, p_object_type, p_object_id,
                              p_case_reference, p_request_id, p_ip, p_outcome, p_detail);
    RETURN append_audit_event(p_organisation_id, v_at, p_actor_id, p_actor_role, p_action, p_object_type, p_object_id,
                              p_case_reference, p_request_id, p_ip, p_outcome, p_detail, t.prefix, t.middle, t.suffix);
END;
$$;

-- Notifications: who hears of what. The recipients' rules live here, beside the one writer.
-- Active supervisors of a team, except the people named (they caused the event).
CREATE FUNCTION "team_supervisor_ids"(p_team_id uuid, p_except uuid[]) RETURNS uuid[]
LANGUAGE sql STABLE SET search_path = public AS $$
    SELECT coalesce(array_agg(u.id ORDER BY u.id), '{}') FROM app_user u
     WHERE u.team_id = p_team_id AND u.role = 'SUPERVISOR' AND u.disabled_at IS NULL
       AND u.id <> ALL (coalesce(p_except, '{}'))
$$;

-- Active IG leads of an organisation, except the people named.
CREATE FUNCTION "organisation_ig_lead_ids"(p_organisation_id uuid, p_except uuid[]) RETURNS uuid[]
LANGUAGE sql STABLE SET search_path = public AS $$
    SELECT coalesce(array_agg(u.id ORDER BY u.id), '{}') FROM app_user u
     WHERE u.organisation_id = p_organisation_id AND u.role = 'IG_LEAD' AND u.disabled_at IS NULL
       AND u.id <> ALL (coalesce(p_except, '{}'))
$$;

-- THE notification writer: one in-app row per distinct recipient, in the caller's transaction.
-- The rows are also the seam for other channels: an email channel adds its outbox insert HERE
-- (one row per notification, read and sent by a job after commit, so a rolled-back change never
-- emails anyone), and every trigger of a notification gets it at once. Returns how many rows.
CREATE FUNCTION "notify_users"(p_kind text, p_recipient_ids uuid[], p_decision_reference text, p_escalation_id uuid)
RETURNS integer
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
    written integer;
BEGIN
    INSERT INTO notification (id, user_id, kind, decision_reference, escalation_id)
    SELECT gen_random_uuid(), r.id, p_kind, p_decision_reference, p_escalation_id
      FROM (SELECT DISTINCT unnest(coalesce(p_recipient_ids, '{}')) AS id) r
     WHERE r.id IS NOT NULL;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END;
$$;

-- Recording a decision in one call (decision 007, issue 15): removes the draft (nothing else
-- happens, and false comes back, when a racing submission removed it first), inserts the decision
-- (given as a row of the decision table in JSON) and its review queue item, notifies the team's
-- supervisors except the author, and appends the audit event given as JSON with the domain's
-- template. The draft's row is locked before the chain head, as every other writer of a draft
-- does, so no two writers wait for each other in opposite orders. One statement is one
-- transaction: the chain head is held only while the database finishes and commits.
CREATE FUNCTION "record_decision"(p_draft_id uuid, p_decision jsonb, p_event jsonb,
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
    VALUES (d.id, d.organisation_id, d.team_id, d.author_id, cardinality(d.review_flags) > 0, d.review_flags,
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

REVOKE ALL ON FUNCTION "append_audit_event"(uuid, timestamptz, uuid, "Role", text, text, text, text, text, text,
    "AuditOutcome", jsonb, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "append_audit_event"(uuid, uuid, "Role", text, text, text, text, text, text, "AuditOutcome",
    jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION "notify_users"(text, uuid[], text, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION "record_decision"(uuid, jsonb, jsonb, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "append_audit_event"(uuid, timestamptz, uuid, "Role", text, text, text, text, text, text,
    "AuditOutcome", jsonb, text, text, text) TO infoshare_app;
GRANT EXECUTE ON FUNCTION "append_audit_event"(uuid, uuid, "Role", text, text, text, text, text, text, "AuditOutcome",
    jsonb) TO infoshare_app;
GRANT EXECUTE ON FUNCTION "notify_users"(text, uuid[], text, uuid) TO infoshare_app;
GRANT EXECUTE ON FUNCTION "record_decision"(uuid, jsonb, jsonb, text, text, text) TO infoshare_app;
