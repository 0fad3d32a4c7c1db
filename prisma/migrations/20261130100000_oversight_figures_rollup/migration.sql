-- DropIndex
DROP INDEX "information_request_partnership_id_status_due_at_idx";

-- CreateTable
CREATE TABLE "request_figures_daily" (
    "partnership_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "responding_organisation_id" UUID NOT NULL,
    "priority" "RequestPriority" NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "answered_on_time" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "band_00_answers" INTEGER NOT NULL DEFAULT 0,
    "band_01_answers" INTEGER NOT NULL DEFAULT 0,
    "band_02_answers" INTEGER NOT NULL DEFAULT 0,
    "band_03_answers" INTEGER NOT NULL DEFAULT 0,
    "band_04_answers" INTEGER NOT NULL DEFAULT 0,
    "band_05_answers" INTEGER NOT NULL DEFAULT 0,
    "band_06_answers" INTEGER NOT NULL DEFAULT 0,
    "band_07_answers" INTEGER NOT NULL DEFAULT 0,
    "band_08_answers" INTEGER NOT NULL DEFAULT 0,
    "band_09_answers" INTEGER NOT NULL DEFAULT 0,
    "band_10_answers" INTEGER NOT NULL DEFAULT 0,
    "band_11_answers" INTEGER NOT NULL DEFAULT 0,
    "band_12_answers" INTEGER NOT NULL DEFAULT 0,
    "band_13_answers" INTEGER NOT NULL DEFAULT 0,
    "band_14_answers" INTEGER NOT NULL DEFAULT 0,
    "band_15_answers" INTEGER NOT NULL DEFAULT 0,
    "band_16_answers" INTEGER NOT NULL DEFAULT 0,
    "band_17_answers" INTEGER NOT NULL DEFAULT 0,
    "band_18_answers" INTEGER NOT NULL DEFAULT 0,
    "band_19_answers" INTEGER NOT NULL DEFAULT 0,
    "band_00_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_01_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_02_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_03_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_04_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_05_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_06_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_07_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_08_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_09_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_10_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_11_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_12_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_13_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_14_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_15_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_16_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_17_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_18_answer_ms" BIGINT NOT NULL DEFAULT 0,
    "band_19_answer_ms" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "request_figures_daily_pkey" PRIMARY KEY ("partnership_id","day","responding_organisation_id","priority")
);

-- CreateTable
CREATE TABLE "request_escalation_figures_daily" (
    "partnership_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "reason" "RequestEscalationReason" NOT NULL,
    "raised" INTEGER NOT NULL DEFAULT 0,
    "upheld" INTEGER NOT NULL DEFAULT 0,
    "asked_to_share" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "request_escalation_figures_daily_pkey" PRIMARY KEY ("partnership_id","day","reason")
);

-- CreateIndex
CREATE INDEX "information_request_partnership_id_status_due_at_received_a_idx" ON "information_request"("partnership_id", "status", "due_at", "received_at", "responding_organisation_id", "priority");


-- Hand-written from here (decision 035): the oversight figures, kept as requests move.
--
-- request_figures_daily holds, per partnership, UK day of receipt, responding organisation and priority,
-- what the oversight page shows of the requests received that day; request_escalation_figures_daily the
-- escalations per UK day raised and reason. Triggers keep both in the same transaction as the change, for
-- every writer (the use cases, a bulk load with its triggers on, a fix by hand): statement triggers with
-- transition tables for inserts (a batch of escalations, or a COPY, is one upsert per row of figures, not
-- one per row inserted), row triggers for what only the owner can do (the app may only insert these rows
-- and change a request's status and assignee, which the figures do not depend on). The trigger functions
-- run as their owner: the app may only read the figures.
--
-- What one request (one escalation) adds to its row of figures is defined once, in a view; the triggers
-- and the rebuild read it, so they cannot disagree. An owner's change to a request or answer takes the
-- request's part away before the change (BEFORE) and adds it back after (AFTER).

-- One request's part of its row of figures: counted as received, and its answer if it has one. An answer's
-- time (clock time from receipt, never negative) falls in a band: how many of the bounds it has reached
-- (1, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, 144, 192, 288, 432, 720 and 1440 hours: the
-- ANSWER_TIME_BAND_BOUNDS_HOURS of src/domain/requests/oversight.ts). The day is the UK calendar day.
CREATE VIEW public."request_figures_source" AS
SELECT r.id AS request_id,
       r.partnership_id,
       (r.received_at AT TIME ZONE 'Europe/London')::date AS day,
       r.responding_organisation_id,
       r.priority,
       1 AS received,
       (a.request_id IS NOT NULL)::integer AS answered,
       COALESCE(a.answered_at <= r.due_at, false)::integer AS answered_on_time,
       COALESCE(a.kind = 'NO_SHARE', false)::integer AS refused,
       pg_catalog.width_bucket(
           COALESCE(GREATEST((EXTRACT(EPOCH FROM a.answered_at - r.received_at) * 1000)::bigint, 0), 0),
           ARRAY[3600000, 7200000, 10800000, 14400000, 21600000, 28800000, 43200000, 57600000,
                 86400000, 129600000, 172800000, 259200000, 345600000, 518400000, 691200000,
                 1036800000, 1555200000, 2592000000, 5184000000]::bigint[]) AS band,
       COALESCE(GREATEST((EXTRACT(EPOCH FROM a.answered_at - r.received_at) * 1000)::bigint, 0), 0) AS answer_ms
  FROM public.information_request r
  LEFT JOIN public.information_request_answer a ON a.request_id = r.id;

-- A signed part of a row of figures (+1 added, -1 taken away).
CREATE TYPE public."request_figures_change" AS (
    partnership_id uuid,
    day date,
    responding_organisation_id uuid,
    priority "RequestPriority",
    received integer,
    answered integer,
    answered_on_time integer,
    refused integer,
    band integer,
    answer_ms bigint
);

-- The parts of these requests, times p_sign: whole (p_whole, a request added or removed) or only their answers.
CREATE FUNCTION public."request_figures_changes"(p_request_ids uuid[], p_sign integer, p_whole boolean)
RETURNS public."request_figures_change"[]
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
RETURN ARRAY(
    SELECT ROW(s.partnership_id, s.day, s.responding_organisation_id, s.priority,
               CASE WHEN p_whole THEN p_sign * s.received ELSE 0 END, p_sign * s.answered,
               p_sign * s.answered_on_time, p_sign * s.refused, s.band, p_sign * s.answer_ms
           )::public."request_figures_change"
      FROM public.request_figures_source s
     WHERE s.request_id = ANY (p_request_ids));

-- Adds changes to the figures: one upsert per row of figures, in key order (two writers never wait for each
-- other in opposite orders). Summed by band first, then spread into the band columns: forty filtered sums
-- over every change would make the rebuild of a million requests take minutes.
CREATE FUNCTION public."apply_request_figures"(p_changes public."request_figures_change"[]) RETURNS void
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp
BEGIN ATOMIC
    INSERT INTO public.request_figures_daily AS f (
        partnership_id, day, responding_organisation_id, priority,
        received,
        answered,
        answered_on_time,
        refused,
        band_00_answers, band_00_answer_ms,
        band_01_answers, band_01_answer_ms,
        band_02_answers, band_02_answer_ms,
        band_03_answers, band_03_answer_ms,
        band_04_answers, band_04_answer_ms,
        band_05_answers, band_05_answer_ms,
        band_06_answers, band_06_answer_ms,
        band_07_answers, band_07_answer_ms,
        band_08_answers, band_08_answer_ms,
        band_09_answers, band_09_answer_ms,
        band_10_answers, band_10_answer_ms,
        band_11_answers, band_11_answer_ms,
        band_12_answers, band_12_answer_ms,
        band_13_answers, band_13_answer_ms,
        band_14_answers, band_14_answer_ms,
        band_15_answers, band_15_answer_ms,
        band_16_answers, band_16_answer_ms,
        band_17_answers, band_17_answer_ms,
        band_18_answers, band_18_answer_ms,
        band_19_answers, band_19_answer_ms)
    WITH by_band AS (
        SELECT c.partnership_id, c.day, c.responding_organisation_id, c.priority, c.band,
               pg_catalog.sum(c.received) AS received, pg_catalog.sum(c.answered) AS answered,
               pg_catalog.sum(c.answered_on_time) AS answered_on_time, pg_catalog.sum(c.refused) AS refused,
               pg_catalog.sum(c.answer_ms) AS answer_ms
          FROM pg_catalog.unnest(p_changes) AS c
         GROUP BY c.partnership_id, c.day, c.responding_organisation_id, c.priority, c.band
    )
    SELECT c.partnership_id, c.day, c.responding_organisation_id, c.priority,
           pg_catalog.sum(c.received),
           pg_catalog.sum(c.answered),
           pg_catalog.sum(c.answered_on_time),
           pg_catalog.sum(c.refused),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 0), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 0), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 1), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 1), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 2), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 2), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 3), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 3), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 4), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 4), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 5), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 5), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 6), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 6), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 7), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 7), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 8), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 8), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 9), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 9), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 10), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 10), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 11), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 11), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 12), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 12), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 13), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 13), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 14), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 14), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 15), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 15), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 16), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 16), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 17), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 17), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 18), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 18), 0),
           COALESCE(pg_catalog.sum(c.answered) FILTER (WHERE c.band = 19), 0),
           COALESCE(pg_catalog.sum(c.answer_ms) FILTER (WHERE c.band = 19), 0)
      FROM by_band AS c
     GROUP BY c.partnership_id, c.day, c.responding_organisation_id, c.priority
     ORDER BY c.partnership_id, c.day, c.responding_organisation_id, c.priority
    ON CONFLICT (partnership_id, day, responding_organisation_id, priority) DO UPDATE SET
        received = f.received + EXCLUDED.received,
        answered = f.answered + EXCLUDED.answered,
        answered_on_time = f.answered_on_time + EXCLUDED.answered_on_time,
        refused = f.refused + EXCLUDED.refused,
        band_00_answers = f.band_00_answers + EXCLUDED.band_00_answers,
        band_00_answer_ms = f.band_00_answer_ms + EXCLUDED.band_00_answer_ms,
        band_01_answers = f.band_01_answers + EXCLUDED.band_01_answers,
        band_01_answer_ms = f.band_01_answer_ms + EXCLUDED.band_01_answer_ms,
        band_02_answers = f.band_02_answers + EXCLUDED.band_02_answers,
        band_02_answer_ms = f.band_02_answer_ms + EXCLUDED.band_02_answer_ms,
        band_03_answers = f.band_03_answers + EXCLUDED.band_03_answers,
        band_03_answer_ms = f.band_03_answer_ms + EXCLUDED.band_03_answer_ms,
        band_04_answers = f.band_04_answers + EXCLUDED.band_04_answers,
        band_04_answer_ms = f.band_04_answer_ms + EXCLUDED.band_04_answer_ms,
        band_05_answers = f.band_05_answers + EXCLUDED.band_05_answers,
        band_05_answer_ms = f.band_05_answer_ms + EXCLUDED.band_05_answer_ms,
        band_06_answers = f.band_06_answers + EXCLUDED.band_06_answers,
        band_06_answer_ms = f.band_06_answer_ms + EXCLUDED.band_06_answer_ms,
        band_07_answers = f.band_07_answers + EXCLUDED.band_07_answers,
        band_07_answer_ms = f.band_07_answer_ms + EXCLUDED.band_07_answer_ms,
        band_08_answers = f.band_08_answers + EXCLUDED.band_08_answers,
        band_08_answer_ms = f.band_08_answer_ms + EXCLUDED.band_08_answer_ms,
        band_09_answers = f.band_09_answers + EXCLUDED.band_09_answers,
        band_09_answer_ms = f.band_09_answer_ms + EXCLUDED.band_09_answer_ms,
        band_10_answers = f.band_10_answers + EXCLUDED.band_10_answers,
        band_10_answer_ms = f.band_10_answer_ms + EXCLUDED.band_10_answer_ms,
        band_11_answers = f.band_11_answers + EXCLUDED.band_11_answers,
        band_11_answer_ms = f.band_11_answer_ms + EXCLUDED.band_11_answer_ms,
        band_12_answers = f.band_12_answers + EXCLUDED.band_12_answers,
        band_12_answer_ms = f.band_12_answer_ms + EXCLUDED.band_12_answer_ms,
        band_13_answers = f.band_13_answers + EXCLUDED.band_13_answers,
        band_13_answer_ms = f.band_13_answer_ms + EXCLUDED.band_13_answer_ms,
        band_14_answers = f.band_14_answers + EXCLUDED.band_14_answers,
        band_14_answer_ms = f.band_14_answer_ms + EXCLUDED.band_14_answer_ms,
        band_15_answers = f.band_15_answers + EXCLUDED.band_15_answers,
        band_15_answer_ms = f.band_15_answer_ms + EXCLUDED.band_15_answer_ms,
        band_16_answers = f.band_16_answers + EXCLUDED.band_16_answers,
        band_16_answer_ms = f.band_16_answer_ms + EXCLUDED.band_16_answer_ms,
        band_17_answers = f.band_17_answers + EXCLUDED.band_17_answers,
        band_17_answer_ms = f.band_17_answer_ms + EXCLUDED.band_17_answer_ms,
        band_18_answers = f.band_18_answers + EXCLUDED.band_18_answers,
        band_18_answer_ms = f.band_18_answer_ms + EXCLUDED.band_18_answer_ms,
        band_19_answers = f.band_19_answers + EXCLUDED.band_19_answers,
        band_19_answer_ms = f.band_19_answer_ms + EXCLUDED.band_19_answer_ms;
END;

-- The owner changing or removing a request: its part (with its answer's) is taken away before, added after.
-- A new due time on a request not yet answered, on the same row of figures, changes nothing: skipped.
CREATE FUNCTION public."request_figures_on_request_change"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (OLD.partnership_id, OLD.responding_organisation_id, OLD.priority,
            (OLD.received_at AT TIME ZONE 'Europe/London')::date)
           = (NEW.partnership_id, NEW.responding_organisation_id, NEW.priority,
              (NEW.received_at AT TIME ZONE 'Europe/London')::date)
       AND NOT EXISTS (SELECT 1 FROM public.information_request_answer
                        WHERE request_id = CASE WHEN TG_WHEN = 'BEFORE' THEN OLD.id ELSE NEW.id END)
    THEN
        RETURN NEW;
    END IF;
    IF TG_WHEN = 'BEFORE' THEN
        PERFORM public.apply_request_figures(public.request_figures_changes(ARRAY[OLD.id], -1, true));
    ELSE
        PERFORM public.apply_request_figures(public.request_figures_changes(ARRAY[NEW.id], 1, true));
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "information_request_figures_before_update"
    BEFORE UPDATE OF id, partnership_id, received_at, responding_organisation_id, priority, due_at
    ON public."information_request" FOR EACH ROW
    WHEN ((OLD.id, OLD.partnership_id, OLD.received_at, OLD.responding_organisation_id, OLD.priority, OLD.due_at)
          IS DISTINCT FROM (NEW.id, NEW.partnership_id, NEW.received_at, NEW.responding_organisation_id, NEW.priority,
                            NEW.due_at))
    EXECUTE FUNCTION public."request_figures_on_request_change"();

CREATE TRIGGER "information_request_figures_after_update"
    AFTER UPDATE OF id, partnership_id, received_at, responding_organisation_id, priority, due_at
    ON public."information_request" FOR EACH ROW
    WHEN ((OLD.id, OLD.partnership_id, OLD.received_at, OLD.responding_organisation_id, OLD.priority, OLD.due_at)
          IS DISTINCT FROM (NEW.id, NEW.partnership_id, NEW.received_at, NEW.responding_organisation_id, NEW.priority,
                            NEW.due_at))
    EXECUTE FUNCTION public."request_figures_on_request_change"();

CREATE TRIGGER "information_request_figures_before_delete"
    BEFORE DELETE ON public."information_request" FOR EACH ROW
    EXECUTE FUNCTION public."request_figures_on_request_change"();

-- The owner changing or removing an answer: the answer parts of the requests involved, away before, back after.
CREATE FUNCTION public."request_figures_on_answer_change"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_request_ids uuid[] := CASE WHEN TG_OP = 'DELETE' THEN ARRAY[OLD.request_id]
                                 ELSE ARRAY[OLD.request_id, NEW.request_id] END;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.information_request WHERE id = OLD.request_id) THEN
        -- The request's own id changed and cascaded here: the request's triggers move its part.
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF v_request_ids[1] = v_request_ids[2] THEN
        v_request_ids := ARRAY[OLD.request_id];
    END IF;
    PERFORM public.apply_request_figures(
        public.request_figures_changes(v_request_ids, CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END, false));
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "information_request_answer_figures_before_change"
    BEFORE UPDATE OF request_id, kind, answered_at OR DELETE ON public."information_request_answer" FOR EACH ROW
    EXECUTE FUNCTION public."request_figures_on_answer_change"();

CREATE TRIGGER "information_request_answer_figures_after_change"
    AFTER UPDATE OF request_id, kind, answered_at OR DELETE ON public."information_request_answer" FOR EACH ROW
    EXECUTE FUNCTION public."request_figures_on_answer_change"();

-- ---- Escalations to the lead partners, per UK day raised and reason: raised, and of those upheld or asked
-- to share (the rest wait).

CREATE VIEW public."request_escalation_figures_source" AS
SELECT e.id AS escalation_id,
       e.partnership_id,
       (e.raised_at AT TIME ZONE 'Europe/London')::date AS day,
       e.reason,
       1 AS raised,
       COALESCE(d.outcome = 'UPHOLD', false)::integer AS upheld,
       COALESCE(d.outcome = 'ASK_TO_SHARE', false)::integer AS asked_to_share
  FROM public.request_escalation e
  LEFT JOIN public.request_escalation_decision d ON d.escalation_id = e.id;

CREATE TYPE public."request_escalation_figures_change" AS (
    partnership_id uuid,
    day date,
    reason "RequestEscalationReason",
    raised integer,
    upheld integer,
    asked_to_share integer
);

CREATE FUNCTION public."request_escalation_figures_changes"(p_escalation_ids uuid[], p_sign integer, p_whole boolean)
RETURNS public."request_escalation_figures_change"[]
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp
RETURN ARRAY(
    SELECT ROW(s.partnership_id, s.day, s.reason, CASE WHEN p_whole THEN p_sign * s.raised ELSE 0 END,
               p_sign * s.upheld, p_sign * s.asked_to_share)::public."request_escalation_figures_change"
      FROM public.request_escalation_figures_source s
     WHERE s.escalation_id = ANY (p_escalation_ids));

CREATE FUNCTION public."apply_request_escalation_figures"(p_changes public."request_escalation_figures_change"[])
RETURNS void
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp
BEGIN ATOMIC
    INSERT INTO public.request_escalation_figures_daily AS f (
        partnership_id, day, reason, raised, upheld, asked_to_share)
    SELECT c.partnership_id, c.day, c.reason,
           pg_catalog.sum(c.raised), pg_catalog.sum(c.upheld), pg_catalog.sum(c.asked_to_share)
      FROM pg_catalog.unnest(p_changes) AS c
     GROUP BY c.partnership_id, c.day, c.reason
     ORDER BY c.partnership_id, c.day, c.reason
    ON CONFLICT (partnership_id, day, reason) DO UPDATE SET
        raised = f.raised + EXCLUDED.raised,
        upheld = f.upheld + EXCLUDED.upheld,
        asked_to_share = f.asked_to_share + EXCLUDED.asked_to_share;
END;

-- The owner changing or removing an escalation or a decision: away before, back after.
CREATE FUNCTION public."request_escalation_figures_on_change"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
    v_ids uuid[];
    v_whole boolean := TG_TABLE_NAME = 'request_escalation';
BEGIN
    IF v_whole THEN
        v_ids := CASE WHEN TG_WHEN = 'BEFORE' THEN ARRAY[OLD.id] ELSE ARRAY[NEW.id] END;
    ELSIF NOT EXISTS (SELECT 1 FROM public.request_escalation WHERE id = OLD.escalation_id) THEN
        -- The escalation's own id changed and cascaded here: its triggers move its part.
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    ELSIF TG_OP = 'DELETE' OR OLD.escalation_id = NEW.escalation_id THEN
        v_ids := ARRAY[OLD.escalation_id];
    ELSE
        v_ids := ARRAY[OLD.escalation_id, NEW.escalation_id];
    END IF;
    PERFORM public.apply_request_escalation_figures(
        public.request_escalation_figures_changes(v_ids, CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END, v_whole));
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "request_escalation_figures_before_change"
    BEFORE UPDATE OF id, partnership_id, reason, raised_at OR DELETE ON public."request_escalation" FOR EACH ROW
    EXECUTE FUNCTION public."request_escalation_figures_on_change"();

CREATE TRIGGER "request_escalation_figures_after_update"
    AFTER UPDATE OF id, partnership_id, reason, raised_at ON public."request_escalation" FOR EACH ROW
    EXECUTE FUNCTION public."request_escalation_figures_on_change"();

CREATE TRIGGER "request_escalation_decision_figures_before_change"
    BEFORE UPDATE OF escalation_id, outcome OR DELETE ON public."request_escalation_decision" FOR EACH ROW
    EXECUTE FUNCTION public."request_escalation_figures_on_change"();

CREATE TRIGGER "request_escalation_decision_figures_after_change"
    AFTER UPDATE OF escalation_id, outcome OR DELETE ON public."request_escalation_decision" FOR EACH ROW
    EXECUTE FUNCTION public."request_escalation_figures_on_change"();

-- New rows, of any of the four tables (one statement may insert many): requests count as received, answers
-- as answered on their request's row, escalations as raised, decisions by their outcome on their escalation's.
CREATE FUNCTION public."oversight_figures_on_insert"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    CASE TG_TABLE_NAME
    WHEN 'information_request' THEN
        PERFORM public.apply_request_figures(public.request_figures_changes(ARRAY(SELECT id FROM new_rows), 1, true));
    WHEN 'information_request_answer' THEN
        PERFORM public.apply_request_figures(
            public.request_figures_changes(ARRAY(SELECT request_id FROM new_rows), 1, false));
    WHEN 'request_escalation' THEN
        PERFORM public.apply_request_escalation_figures(
            public.request_escalation_figures_changes(ARRAY(SELECT id FROM new_rows), 1, true));
    WHEN 'request_escalation_decision' THEN
        PERFORM public.apply_request_escalation_figures(
            public.request_escalation_figures_changes(ARRAY(SELECT escalation_id FROM new_rows), 1, false));
    END CASE;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "information_request_figures_insert"
    AFTER INSERT ON public."information_request" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION public."oversight_figures_on_insert"();

CREATE TRIGGER "information_request_answer_figures_insert"
    AFTER INSERT ON public."information_request_answer" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION public."oversight_figures_on_insert"();

CREATE TRIGGER "request_escalation_figures_insert"
    AFTER INSERT ON public."request_escalation" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION public."oversight_figures_on_insert"();

CREATE TRIGGER "request_escalation_decision_figures_insert"
    AFTER INSERT ON public."request_escalation_decision" REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION public."oversight_figures_on_insert"();

-- ---- Rebuilding from the requests themselves: the backfill below, and after a bulk load that ran with its
-- triggers off (the bench's COPY). Owner only. Set-based: summed by row of figures and band in one pass, then
-- added like any other change; memory enough to sort a million requests without spilling to disk.
CREATE FUNCTION public."rebuild_request_figures"() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp SET work_mem = '256MB' AS $$
BEGIN
    DELETE FROM public.request_figures_daily;
    PERFORM public.apply_request_figures(ARRAY(
        SELECT ROW(s.partnership_id, s.day, s.responding_organisation_id, s.priority, pg_catalog.sum(s.received),
                   pg_catalog.sum(s.answered), pg_catalog.sum(s.answered_on_time), pg_catalog.sum(s.refused), s.band,
                   pg_catalog.sum(s.answer_ms))::public."request_figures_change"
          FROM public.request_figures_source s
         GROUP BY s.partnership_id, s.day, s.responding_organisation_id, s.priority, s.band));
    DELETE FROM public.request_escalation_figures_daily;
    PERFORM public.apply_request_escalation_figures(ARRAY(
        SELECT ROW(s.partnership_id, s.day, s.reason, pg_catalog.sum(s.raised), pg_catalog.sum(s.upheld),
                   pg_catalog.sum(s.asked_to_share))::public."request_escalation_figures_change"
          FROM public.request_escalation_figures_source s
         GROUP BY s.partnership_id, s.day, s.reason));
END;
$$;

-- The figures of the requests already there.
SELECT public.rebuild_request_figures();

-- The app's role (decision 005, database hardening): it reads the figures; only the triggers write them.
REVOKE ALL ON "request_figures_daily" FROM infoshare_app;
GRANT SELECT ON "request_figures_daily" TO infoshare_app;
REVOKE ALL ON "request_escalation_figures_daily" FROM infoshare_app;
GRANT SELECT ON "request_escalation_figures_daily" TO infoshare_app;
REVOKE ALL ON "request_figures_source" FROM infoshare_app;
REVOKE ALL ON "request_escalation_figures_source" FROM infoshare_app;
REVOKE ALL ON FUNCTION public."request_figures_changes"(uuid[], integer, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION public."apply_request_figures"(public."request_figures_change"[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION public."request_figures_on_request_change"() FROM PUBLIC;
REVOKE ALL ON FUNCTION public."request_figures_on_answer_change"() FROM PUBLIC;
REVOKE ALL ON FUNCTION public."request_escalation_figures_changes"(uuid[], integer, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION public."apply_request_escalation_figures"(public."request_escalation_figures_change"[])
    FROM PUBLIC;
REVOKE ALL ON FUNCTION public."request_escalation_figures_on_change"() FROM PUBLIC;
REVOKE ALL ON FUNCTION public."oversight_figures_on_insert"() FROM PUBLIC;
REVOKE ALL ON FUNCTION public."rebuild_request_figures"() FROM PUBLIC;
