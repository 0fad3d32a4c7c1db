// Watching which audit chain heads a transaction holds (decision 012: each append locks its organisation's
// chain head until commit). Two writers taking two heads in opposite orders deadlock, so every writer takes
// them in chain-key order; these helpers let a test hold one head and ask whether another is held.
import pg from "pg";
import { expect } from "vitest";
import { chainKeyFor } from "@/domain/audit";
import { ownerDatabaseUrl } from "./support";

const HEAD = "SELECT 1 FROM audit_chain_head WHERE chain_key = $1 FOR UPDATE";

/** A connection of the owner's with a transaction open, to hold or probe chain heads. */
export async function openTransaction(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await client.connect();
  await client.query("BEGIN");
  return client;
}

/** Locks an organisation's chain head in `client`'s transaction, until it ends. */
export async function holdChainHead(client: pg.Client, organisationId: string): Promise<void> {
  await client.query(HEAD, [chainKeyFor(organisationId)]);
}

/** The two organisations, the one whose chain key sorts first (locked first) first. */
export function inKeyOrder(a: string, b: string): [lower: string, higher: string] {
  return chainKeyFor(a) < chainKeyFor(b) ? [a, b] : [b, a];
}

/** Waits until a transaction in this database waits for a lock (the head `holder` holds, in these tests). */
export async function untilOneWaitsForALock(probe: pg.Client): Promise<void> {
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

/** Fails unless another transaction holds the organisation's chain head (probing it times out). */
export async function expectChainHeadHeldElsewhere(probe: pg.Client, organisationId: string): Promise<void> {
  await probe.query("SAVEPOINT probe");
  await probe.query("SET LOCAL lock_timeout = '200ms'");
  await expect(probe.query(HEAD, [chainKeyFor(organisationId)])).rejects.toMatchObject({ code: "55P03" });
  await probe.query("ROLLBACK TO SAVEPOINT probe");
}
