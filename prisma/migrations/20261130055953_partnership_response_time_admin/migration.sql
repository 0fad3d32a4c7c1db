-- Decision 033: an admin page sets a partnership's response times (issue 14). The app's role could
-- only read them (decision 028); it may now insert and change them, never delete (a partnership
-- without a row for a priority falls back to the default, so a delete would silently change it).
GRANT INSERT, UPDATE ("working_hours") ON "partnership_response_time" TO infoshare_app;

-- The rules the page checks, held by the database for every writer too (the seed, a script): whole
-- hours 1 to 240, and each priority faster than the next (Red before Amber before Green) among a
-- partnership's rows. Checked after each statement, so the app writes all three in one statement.
-- The table holds three rows per partnership: checking it whole is cheaper than tracking what changed.
-- (A deferred constraint trigger would appear in pg_constraint, which the schema cannot describe.)
CREATE FUNCTION public."partnership_response_time_check"() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.partnership_response_time WHERE working_hours NOT BETWEEN 1 AND 240) THEN
        RAISE EXCEPTION 'partnership_response_time: working_hours must be 1 to 240'
            USING ERRCODE = 'check_violation';
    END IF;
    IF EXISTS (
        SELECT 1
          FROM public.partnership_response_time faster
          JOIN public.partnership_response_time slower
            ON slower.partnership_id = faster.partnership_id AND slower.priority > faster.priority
         WHERE slower.working_hours <= faster.working_hours) THEN
        RAISE EXCEPTION 'partnership_response_time: each priority must be faster than the next'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;
REVOKE ALL ON FUNCTION public."partnership_response_time_check"() FROM PUBLIC;

CREATE TRIGGER "partnership_response_time_check"
    AFTER INSERT OR UPDATE ON "partnership_response_time"
    FOR EACH STATEMENT EXECUTE FUNCTION public."partnership_response_time_check"();
