// What `npm start` and `npm run db:seed` do to a database before the app runs: migrations always;
// demo data only in demo mode (issue 10). The embedded database is the zero-setup demo; a
// DATABASE_URL is someone's real database, where twelve demo accounts with a published password
// must never appear unless asked for by name.
import { issueSetupLinkIfNeeded } from "./first-run-setup";
import { applyMigrations } from "./migrations";
import { type SeedResult, seedDemoData } from "./seed";

export type DemoSeeding = "demo" | "none";

/** Demo data for the embedded database, or with `--demo` / `INFOSHARE_DEMO_DATA=1`; otherwise none. */
export function demoSeedingFor(
  database: { embedded: boolean },
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DemoSeeding {
  if (database.embedded) return "demo";
  return argv.includes("--demo") || env.INFOSHARE_DEMO_DATA === "1" ? "demo" : "none";
}

export interface PreparedDatabase {
  applied: string[];
  /** null when no demo data was asked for. */
  seeded: SeedResult | null;
  /**
   * Without demo data and while no organisation exists: the path of a new one-time first-run
   * set-up link (decision 019) for `npm start` to print; otherwise null.
   */
  setupPath: string | null;
}

export async function prepareDatabase(
  url: string,
  seeding: DemoSeeding,
  log: (message: string) => void = () => {},
): Promise<PreparedDatabase> {
  const { applied } = await applyMigrations(url, { log });
  const seeded = seeding === "demo" ? await seedDemoData(url) : null;
  const setupPath = seeded ? null : await issueSetupLinkIfNeeded(url);
  return { applied, seeded, setupPath };
}
