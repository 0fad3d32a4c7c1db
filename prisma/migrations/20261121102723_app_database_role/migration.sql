-- Hand-written migration: the application's own, restricted database role.
--
-- The app does not connect as the owner of the tables (the role that runs these migrations).
-- It connects as `infoshare_app`, which may read and write ordinary rows but can only SELECT and
-- INSERT on the evidence tables (audit_event, decision): no UPDATE, DELETE or TRUNCATE, on top of
-- the triggers that refuse those for every role. It owns nothing, so it cannot ALTER, DROP or
-- disable a trigger either. See docs/decisions/005-app-database-role.md.
--
-- Roles belong to the whole PostgreSQL cluster, not to one database, and several databases of one
-- cluster (tests, e2e, a second install) run this migration: create the role only when it is
-- missing. It is created NOLOGIN with no password; whoever deploys the app gives it LOGIN and a
-- password (`npm start` does, see scripts/lib/app-role.ts). No password is ever written here.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'infoshare_app') THEN
        BEGIN
            CREATE ROLE infoshare_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
        EXCEPTION
            -- Another database's migration created it at the same moment.
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'role infoshare_app does not exist and % may not create roles', current_user
                    USING HINT = 'Ask a database administrator to run "CREATE ROLE infoshare_app NOLOGIN", then run the migrations again.';
        END;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA "public" TO infoshare_app;

-- Every table that exists now gets row access, then the exceptions below are revoked by name: the
-- same rule later migrations follow (see "The app's database role" in docs/database.md).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO infoshare_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "public" TO infoshare_app;

-- Evidence: append-only. (TRUNCATE, REFERENCES and TRIGGER were never granted; revoked anyway so
-- the intent is written down.)
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "audit_event" FROM infoshare_app;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "decision" FROM infoshare_app;

-- One row per chain, moved forward on every append (SELECT … FOR UPDATE needs UPDATE). Removing a
-- head would hide events cut from the end of its chain, so no DELETE.
REVOKE DELETE, TRUNCATE ON "audit_chain_head" FROM infoshare_app;

-- The health check reads which migrations are applied; only the owner writes them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM infoshare_app;

-- Tables and sequences that later migrations create (as the same owner, the role running this
-- one) are granted the same way. A later migration that adds an append-only table must REVOKE
-- UPDATE, DELETE on it explicitly, as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO infoshare_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA "public" GRANT USAGE, SELECT ON SEQUENCES TO infoshare_app;
