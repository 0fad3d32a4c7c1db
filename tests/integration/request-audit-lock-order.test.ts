// A request's step is audited in both organisations' chains in one transaction, so it locks two chain
// heads. Taken in the order of the step's sides, a school asking the trust and the trust asking the school
// lock them in opposite orders: a deadlock (40P01) once seen under load. They are taken in one order instead.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/server/infra/db";
import { auditRequestStep } from "@/server/requests/request-audit";
import { TOM } from "./demo-people";
import { TEST_META, actorFor, ownerDatabaseUrl } from "./support";

const HEAD = "SELECT 1 FROM audit_chain_head WHERE chain_key = $1 FOR UPDATE";

async function openTransaction(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await client.connect();
  await client.query("BEGIN");
  return client;
}

describe("auditing a request step in both organisations' logs", () => {
  it("locks the two chain heads in one order, whichever organisation asked", async () => {
    const user = await actorFor(TOM);
    const organisations = await db().organisation.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 2 });
    const [lower, higher] = organisations.map((organisation) => organisation.id) as [string, string];
    // The higher organisation asks the lower one: in the sides' order, its head would be locked first.
    const request = {
      id: "00000000-0000-0000-0000-000000000000",
      reference: "REQ-LOCK-ORDER",
      requestingOrganisationId: higher,
      respondingOrganisationId: lower,
      caseReference: "CASE-LOCK-ORDER",
    };
    const step = () =>
      db().$transaction((tx) =>
        auditRequestStep(tx, user, TEST_META, request, "request.viewed", ["requesting", "responding"]),
      );
    await step(); // both chains have a head from here on

    const holder = await openTransaction();
    const probe = await openTransaction();
    try {
      await holder.query(HEAD, [higher]);
      const blocked = step();
      // Wait until the step waits for the held head.
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
      // In one order, the step already holds the lower head while it waits for the higher one.
      await probe.query("SET LOCAL lock_timeout = '200ms'");
      await expect(probe.query(HEAD, [lower])).rejects.toMatchObject({ code: "55P03" });
      await probe.query("ROLLBACK");
      await holder.query("ROLLBACK");
      await blocked;
    } finally {
      await Promise.allSettled([holder.end(), probe.end()]);
    }
  });
});
