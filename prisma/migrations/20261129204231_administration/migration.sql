-- Administration (issue 10, decision 020): teams can be archived, team names are unique in an
-- organisation whatever their case, and an admin can change the organisation's profile and teams.

-- AlterTable
ALTER TABLE "team" ADD COLUMN     "archived_at" TIMESTAMPTZ(3),
ADD COLUMN     "name_key" TEXT NOT NULL DEFAULT '';

-- The case-insensitive key is the database's to set, on every insert and rename, so no writer
-- (the app, the demo seed, first-run set-up) can store "Team A" beside "team a".
CREATE FUNCTION public."team_name_key"() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
    NEW.name_key := pg_catalog.lower(pg_catalog.btrim(NEW.name));
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION public."team_name_key"() FROM PUBLIC;

CREATE TRIGGER "team_name_key" BEFORE INSERT OR UPDATE OF "name", "name_key" ON "team"
    FOR EACH ROW EXECUTE FUNCTION public."team_name_key"();

-- Existing teams get their key before the unique index is built.
UPDATE "team" SET "name_key" = pg_catalog.lower(pg_catalog.btrim("name"));

-- CreateIndex
CREATE UNIQUE INDEX "team_organisation_id_name_key_key" ON "team"("organisation_id", "name_key");

-- Grants: the database hardening took UPDATE on team and organisation from the app role; an admin
-- now renames and archives teams and edits the organisation's name and kind, and nothing else.
GRANT UPDATE ("name", "archived_at") ON public."team" TO infoshare_app;
GRANT UPDATE ("name", "kind") ON public."organisation" TO infoshare_app;
