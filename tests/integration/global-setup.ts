// One PostgreSQL server for the integration (and scale) run: a throwaway embedded cluster, or the
// server of DATABASE_URL when it is set (CI with a service, a developer's own server). On it, one
// TEMPLATE database, migrated and demo-seeded as the owner here, once; every test file then gets a
// database of its own cloned from it (setup-env.ts), so files run in parallel without sharing rows.
// The template has no open connection after this function: PostgreSQL refuses to clone a database
// someone is connected to.
import type { TestProject } from "vitest/node";
import { enableAppRoleLogin } from "../../scripts/lib/app-role";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../../scripts/lib/database";
import { startPostgres } from "../../scripts/lib/embedded-postgres";
import { applyMigrations } from "../../scripts/lib/migrations";
import { seedDemoData } from "../../scripts/lib/seed";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalMailServer } from "../../scripts/lib/mail-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The owner, connected to a database that is never cloned: for CREATE / DROP DATABASE. */
    serverUrl: string;
    /** The migrated, seeded database each test file's database is cloned from. */
    templateDatabase: string;
    /** The template as the app's restricted role (infoshare_app): same password for every clone. */
    templateAppDatabaseUrl: string;
    /** The run's local SMTP server (decision 019) and the folder it stores messages in. */
    smtpUrl: string;
    mailFolder: string;
  }
}

async function openServer(): Promise<{ url: string; close(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => undefined };
  const cluster = await startPostgres({ persistent: false, database: "infoshare_test" });
  return { url: cluster.url, close: cluster.stop };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await openServer();
  const mail = await startLocalMailServer({ folder: mkdtempSync(join(tmpdir(), "infoshare-mail-")) });
  const templateDatabase = uniqueDatabaseName("infoshare_template");
  const close = async () => {
    await dropDatabase(server.url, templateDatabase).catch(() => undefined);
    await server.close();
    await mail.stop();
  };
  let templateAppDatabaseUrl: string;
  try {
    const templateUrl = await createDatabase(server.url, templateDatabase);
    await applyMigrations(templateUrl);
    // The demo password at bcrypt's lowest cost: every sign-in compares it, and at the app's cost (12)
    // each comparison took 1-2 s of a loaded machine. sign-in-throttle.test.ts times the comparison at
    // the app's own cost.
    await seedDemoData(templateUrl, { passwordHashCost: 4 });
    templateAppDatabaseUrl = await enableAppRoleLogin(templateUrl);
  } catch (error) {
    await close();
    throw error;
  }
  project.provide("serverUrl", server.url);
  project.provide("templateDatabase", templateDatabase);
  project.provide("templateAppDatabaseUrl", templateAppDatabaseUrl);
  project.provide("smtpUrl", mail.url);
  project.provide("mailFolder", mail.folder);
  return close;
}
