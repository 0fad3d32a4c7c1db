// Watching which audit chain heads a transaction holds (decision 012: each append locks its organisation's
// chain head until commit). Two writers taking two heads in opposite orders deadlock, so every writer takes
// them in chain-key order; these helpers let a test hold one head and ask whether another is held.
import pg from "pg";
import { expect } from "vitest";
import { chainKeyFor } from "@/domain/audit";
import { ownerDatabaseUrl } from "./support";

const HEAD = "SELECT 1 FROM audit_chain_head WHERE chain_key = $1 FOR UPDATE";

/** A connection of the owner's with a transaction open, to hold or probe chain heads. */
async function openTransaction(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await client.connect();
  await client.query("BEGIN");
  return client;
}

/** The two organisations, the one whose chain key sorts first (locked first) first. */
export function inKeyOrder(a: string, b: string): [lower: string, higher: string] {
  return chainKeyFor(a) < chainKeyFor(b) ? [a, b] : [b, a];
}

/**
 * Holds the `higher` organisation's chain head, starts `work`, waits until it waits for that head, and
 * checks that it already holds the `lower` one's, as taking them in chain-key order does; then lets it
 * finish and returns what it returned.
 */
export async function expectHeadsTakenInKeyOrder<T>(lower: string, higher: string, work: () => Promise<T>): Promise<T> {
  const holder = await openTransaction();
  const probe = await openTransaction();
  try {
    await holder.query(HEAD, [chainKeyFor(higher)]);
    const working = work();
    // Caught now and thrown below, so a failure while it waits is not reported as unhandled.
    working.catch(() => undefined);
    await untilOneWaitsForALock(probe);
    await probe.query("SET LOCAL lock_timeout = '200ms'");
    await expect(probe.query(HEAD, [chainKeyFor(lower)]), "the lower head is held").rejects.toMatchObject({
      code: "55P03",
    });
    await probe.query("ROLLBACK");
    await holder.query("ROLLBACK");
    return await working;
  } finally {
    await Promise.allSettled([holder.end(), probe.end()]);
  }
}

/** Waits until a transaction in this database waits for a lock (the head the holder holds). */
async function untilOneWaitsForALock(probe: pg.Client): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await probe.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        ).rows[0]!.waiting,
      { timeout: 20_000 },
    )
    .toBe(1);
}
