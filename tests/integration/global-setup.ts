// One migrated PostgreSQL database for the integration run: a fresh database on the server of
// DATABASE_URL when it is set (CI with a service, a developer's own server), otherwise a throwaway
// embedded cluster. Test files reach it through inject("databaseUrl") / setup-env.ts, as its owner;
// inject("appDatabaseUrl") is the same database as the app's restricted role (infoshare_app).
import type { TestProject } from "vitest/node";
import { enableAppRoleLogin } from "../../scripts/lib/app-role";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../../scripts/lib/database";
import { startPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    appDatabaseUrl: string;
  }
}

async function openTestDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = uniqueDatabaseName("infoshare_test");
    const url = await createDatabase(serverUrl, name);
    return { url, close: () => dropDatabase(serverUrl, name) };
  }
  const cluster = await startPostgres({ persistent: false, database: "infoshare_test" });
  return { url: cluster.url, close: cluster.stop };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await openTestDatabase();
  let appDatabaseUrl: string;
  try {
    await applyMigrations(database.url);
    appDatabaseUrl = await enableAppRoleLogin(database.url);
  } catch (error) {
    await database.close();
    throw error;
  }
  project.provide("databaseUrl", database.url);
  project.provide("appDatabaseUrl", appDatabaseUrl);
  return () => database.close();
}
