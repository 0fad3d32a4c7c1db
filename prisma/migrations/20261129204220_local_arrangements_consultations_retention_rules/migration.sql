-- AlterTable
ALTER TABLE "decision" ADD COLUMN     "local_arrangements" JSONB,
ADD COLUMN     "retention_rule" JSONB;

-- CreateTable
CREATE TABLE "consultation" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "team_id" UUID,
    "author_id" UUID NOT NULL,
    "adviser_kind" TEXT NOT NULL,
    "adviser" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "advice" TEXT NOT NULL,
    "consulted_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retain_until" TIMESTAMPTZ(3) NOT NULL,
    "retention_rule" JSONB NOT NULL,
    "linked_decision_id" UUID,
    "linked_case_reference" TEXT,
    "linked_at" TIMESTAMPTZ(3),

    CONSTRAINT "consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "local_arrangement" (
    "id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "parties" TEXT,
    "detail" TEXT,
    "link" TEXT,
    "agreed_on" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID NOT NULL,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "local_arrangement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "retention_rule" (
    "organisation_id" UUID NOT NULL,
    "record_type" TEXT NOT NULL,
    "years" INTEGER NOT NULL,
    "until_age" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID NOT NULL,

    CONSTRAINT "retention_rule_pkey" PRIMARY KEY ("organisation_id","record_type")
);

-- CreateIndex
CREATE INDEX "consultation_author_id_consulted_at_idx" ON "consultation"("author_id", "consulted_at");

-- CreateIndex
CREATE INDEX "consultation_linked_decision_id_idx" ON "consultation"("linked_decision_id");

-- CreateIndex
CREATE INDEX "consultation_organisation_id_linked_case_reference_idx" ON "consultation"("organisation_id", "linked_case_reference");

-- CreateIndex
CREATE INDEX "local_arrangement_organisation_id_archived_at_idx" ON "local_arrangement"("organisation_id", "archived_at");

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation" ADD CONSTRAINT "consultation_linked_decision_id_fkey" FOREIGN KEY ("linked_decision_id") REFERENCES "decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "local_arrangement" ADD CONSTRAINT "local_arrangement_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "retention_rule" ADD CONSTRAINT "retention_rule_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written below (decision 024).

-- A consultation is evidence like a decision: the app inserts and reads it, and may only set its
-- link, once (the use case checks it is unlinked, under a row lock).
REVOKE ALL ON "consultation" FROM infoshare_app;
GRANT SELECT, INSERT ON "consultation" TO infoshare_app;
GRANT UPDATE ("linked_decision_id", "linked_case_reference", "linked_at") ON "consultation" TO infoshare_app;

-- Local arrangements are edited (version bumped) and archived, never deleted: records name them.
REVOKE ALL ON "local_arrangement" FROM infoshare_app;
GRANT SELECT, INSERT ON "local_arrangement" TO infoshare_app;
GRANT UPDATE ("kind", "title", "parties", "detail", "link", "agreed_on", "version", "updated_at", "updated_by_id",
              "archived_at") ON "local_arrangement" TO infoshare_app;

-- Retention rules are settings: set and changed by the IG lead, never removed.
REVOKE ALL ON "retention_rule" FROM infoshare_app;
GRANT SELECT, INSERT ON "retention_rule" TO infoshare_app;
GRANT UPDATE ("years", "until_age", "updated_at", "updated_by_id") ON "retention_rule" TO infoshare_app;

-- record_decision() now also stamps the decision with the organisation's local arrangements in force
-- (read in the same statement, so exactly those in force when it commits) and stores the retention
-- rule given with the decision. The decision row is inserted whole from the JSON (d.*), so a column
-- added later is carried by giving it in p_decision, without rewriting this function again; the
-- draft id is always the one removed. Same signature, so the grants on it stay.
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
    VALUES (d.id, d.organisation_id, d.team_id, d.author_id, cardinality(d.review_flags) > 0, d.review_flags,
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
