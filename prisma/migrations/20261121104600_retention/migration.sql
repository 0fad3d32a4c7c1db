-- CreateTable
CREATE TABLE "retention_review" (
    "decision_id" UUID NOT NULL,
    "retain_until" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "reviewed_by_id" UUID NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disposed_at" TIMESTAMPTZ(3),

    CONSTRAINT "retention_review_pkey" PRIMARY KEY ("decision_id")
);

-- CreateIndex
CREATE INDEX "audit_event_organisation_id_id_idx" ON "audit_event"("organisation_id", "id" DESC);

-- CreateIndex
CREATE INDEX "audit_event_organisation_id_case_reference_idx" ON "audit_event"("organisation_id", "case_reference");

-- CreateIndex
CREATE INDEX "audit_event_organisation_id_object_id_idx" ON "audit_event"("organisation_id", "object_id");

-- AddForeignKey
ALTER TABLE "retention_review" ADD CONSTRAINT "retention_review_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line: disposal at the end of retention.
--
-- Records are append-only, but UK GDPR's storage limitation principle means they cannot be kept
-- for ever. Disposal keeps a minimal tombstone (reference, organisation, dates, outcome) so links
-- and counts still make sense and the audit chain (which never held record content) still
-- verifies, and removes the personal content. Only dispose_decision() may do this: the trigger
-- lets an UPDATE through only while that function has set infoshare.disposing, and the app's
-- role has no UPDATE privilege on these tables, so it can reach them only through the function.

CREATE OR REPLACE FUNCTION "refuse_change_to_record"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('infoshare.disposing', true) = 'on' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Record a new, linked entry instead of changing or removing one.';
END;
$$;

CREATE FUNCTION "dispose_decision"(p_decision_id uuid, p_organisation_id uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    target decision%ROWTYPE;
BEGIN
    SELECT * INTO target FROM decision WHERE id = p_decision_id AND organisation_id = p_organisation_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'decision % not found in organisation %', p_decision_id, p_organisation_id USING ERRCODE = 'no_data_found';
    END IF;
    PERFORM set_config('infoshare.disposing', 'on', true);
    UPDATE decision
       SET case_reference = 'DISPOSED',
           concern_categories = '{}',
           record = jsonb_build_object(
               'disposed', true,
               'reference', target.reference,
               'outcome', target.outcome,
               'kind', target.kind,
               'recordedAt', target.recorded_at,
               'guidanceVersion', target.guidance_version)
     WHERE id = p_decision_id;
    UPDATE review SET comment = NULL, action_required = NULL WHERE decision_id = p_decision_id;
    PERFORM set_config('infoshare.disposing', 'off', true);
END;
$$;

REVOKE ALL ON FUNCTION "dispose_decision"(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "dispose_decision"(uuid, uuid) TO infoshare_app;
