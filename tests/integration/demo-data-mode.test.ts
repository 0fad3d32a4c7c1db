// Demo data only in demo mode (issue 10): what `npm start` and `npm run db:seed` do to a database
// named by DATABASE_URL, run against a real, empty database of the test server.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../../scripts/lib/database";
import { demoSeedingFor, prepareDatabase } from "../../scripts/lib/prepare-database";
import { serverDatabaseUrl } from "./support";

async function countUsers(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM app_user")).rows[0]!.n;
  } finally {
    await client.end();
  }
}

describe("demo data", () => {
  it("is seeded for the embedded database, and for DATABASE_URL only when asked for", () => {
    expect(demoSeedingFor({ embedded: true }, [], {})).toBe("demo");
    expect(demoSeedingFor({ embedded: false }, [], { DATABASE_URL: "postgres://db/infoshare" })).toBe("none");
    expect(demoSeedingFor({ embedded: false }, ["--demo"], {})).toBe("demo");
    expect(demoSeedingFor({ embedded: false }, [], { INFOSHARE_DEMO_DATA: "1" })).toBe("demo");
  });

  it("is not created in a DATABASE_URL database by the start-up steps: migrated, no accounts", async () => {
    const server = serverDatabaseUrl();
    const name = uniqueDatabaseName("infoshare_nodemo");
    try {
      const url = await createDatabase(server, name);
      const seeding = demoSeedingFor({ embedded: false }, ["node", "scripts/start.ts"], { DATABASE_URL: url });
      const prepared = await prepareDatabase(url, seeding);
      expect(prepared.applied.length).toBeGreaterThan(0);
      expect(prepared.seeded).toBeNull();
      expect(await countUsers(url)).toBe(0);
      // Instead, a one-time first-run set-up link for `npm start` to print (decision 019).
      expect(prepared.setupPath).toMatch(/^\/setup\/[A-Za-z0-9_-]{43}$/);

      // Asked for by name, the same database gets the demo.
      const demo = await prepareDatabase(url, demoSeedingFor({ embedded: false }, ["--demo"], {}));
      expect(demo.seeded?.usersCreated).toBeGreaterThan(0);
      expect(demo.setupPath).toBeNull();
      expect(await countUsers(url)).toBeGreaterThan(0);
    } finally {
      await dropDatabase(server, name);
    }
  });
});
