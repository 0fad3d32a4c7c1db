// Runs in each integration worker before each test file: clones the run's template (migrated,
// demo-seeded) into a database of the file's own, then points the app code at it as the restricted
// role infoshare_app, as `npm start` connects the app (src/server/infra/env.ts reads process.env on first
// use). Owner access stays explicit: withSuperuser / ownerDatabaseUrl() in support.ts.
import pg from "pg";
import { afterAll, inject } from "vitest";
import { dropDatabase, uniqueDatabaseName, withDatabaseName } from "../../scripts/lib/database";

const serverUrl = inject("serverUrl");
const database = uniqueDatabaseName("infoshare_file");
const template = inject("templateDatabase");
const owner = new pg.Client({ connectionString: serverUrl });
await owner.connect();
try {
  const name = pg.escapeIdentifier(database);
  await owner.query(`CREATE DATABASE ${name} TEMPLATE ${pg.escapeIdentifier(template)}`);
  // A database's own privileges are not copied from its template: take TEMPORARY away again, as
  // the database_hardening migration did on the template (decision 014).
  await owner.query(`REVOKE TEMPORARY ON DATABASE ${name} FROM PUBLIC, infoshare_app`);
} finally {
  await owner.end();
}

process.env.INTEGRATION_OWNER_DATABASE_URL = withDatabaseName(serverUrl, database);
process.env.DATABASE_URL = withDatabaseName(inject("templateAppDatabaseUrl"), database);
process.env.NEXTAUTH_SECRET ??= "integration-secret-integration-secret";
// Email goes to the run's local SMTP server (decision 019); tests read it with scripts/lib/mailbox.ts.
process.env.SMTP_URL = inject("smtpUrl");

// Registered before the file's own hooks, so it runs after them; FORCE ends any pool left open.
afterAll(() => dropDatabase(serverUrl, database), 60_000);
