// A PostgreSQL for the benchmarks and fault tests: the project's embedded server, migrated and
// seeded with the demo data, with the app's restricted role able to log in (as `npm start` and the
// e2e server do). Persistent in a folder of its own, so it can be stopped and started again on
// the same port (the outage fault test) and is removed afterwards.
import { rm } from "node:fs/promises";
import pg from "pg";
import { join } from "node:path";
import { enableAppRoleLogin } from "../app-role";
import { type RunningPostgres, findFreePort, startPostgres } from "../embedded-postgres";
import { REPO_ROOT, applyMigrations } from "../migrations";
import { seedDemoData } from "../seed";
import { withClient as withPgClient } from "../pg-client";

export interface HarnessDatabase {
  /** As the owner (postgres): migrations, bulk loads, checks. */
  ownerUrl: string;
  /** As infoshare_app: what the app server connects with. */
  appUrl: string;
  port: number;
  dataDir: string;
  /** Stops PostgreSQL, keeping the data (for a restart). */
  stopServer(): Promise<void>;
  /** Starts it again on the same port and data. */
  startServer(): Promise<void>;
  /** Stops it and deletes the data folder. */
  destroy(): Promise<void>;
}

export async function openHarnessDatabase(options: {
  name: string;
  port?: number;
  log?: (message: string) => void;
}): Promise<HarnessDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = join(REPO_ROOT, ".data", `${options.name}-postgres`);
  await rm(dataDir, { recursive: true, force: true });
  const port = options.port ?? (await findFreePort());
  const database = "infoshare";
  let running: RunningPostgres | null = await startPostgres({ persistent: true, dataDir, port, database, log });
  const ownerUrl = running.url;
  await applyMigrations(ownerUrl);
  await seedDemoData(ownerUrl);
  const appUrl = await enableAppRoleLogin(ownerUrl);

  const stopServer = async () => {
    const current = running;
    running = null;
    await current?.stop();
  };
  return {
    ownerUrl,
    appUrl,
    port,
    dataDir,
    stopServer,
    startServer: async () => {
      if (running) return;
      running = await startPostgres({ persistent: true, dataDir, port, database, log });
    },
    destroy: async () => {
      await stopServer();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One connection to `url` for `fn`, closed afterwards; a dropped connection is not an uncaught error. */
export function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  return withPgClient(url, fn, { ignoreDroppedConnection: true });
}
