import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { appendAuditEvent } from "@/server/audit/append-audit-event";
import { db } from "@/server/infra/db";
import { verifyAuditChain, withSuperuser } from "./support";

function eventFor(organisationId: string, n: number) {
  return {
    actorId: null,
    actorRole: null,
    organisationId,
    action: "test.event",
    objectType: null,
    objectId: String(n),
    caseReference: null,
    requestId: null,
    ip: null,
    outcome: "SUCCESS" as const,
    detail: { n },
  };
}

describe("appendAuditEvent", () => {
  it("keeps one unbroken chain under concurrent writers", async () => {
    const organisationId = randomUUID();
    const writers = 12;
    const perWriter = 15;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        // More writers than the pool has connections: some wait for one, longer than Prisma's 2 s
        // default when other test files share the machine.
        const wait = { maxWait: 30_000, timeout: 30_000 };
        for (let i = 0; i < perWriter; i += 1) {
          await db().$transaction((tx) => appendAuditEvent(tx, eventFor(organisationId, w * 1000 + i)), wait);
        }
      }),
    );
    const { broken, count } = await verifyAuditChain(organisationId);
    expect(count).toBe(writers * perWriter);
    expect(broken).toBeNull();
  });

  it("rolls the event back with the transaction it belongs to", async () => {
    const organisationId = randomUUID();
    await expect(
      db().$transaction(async (tx) => {
        await appendAuditEvent(tx, eventFor(organisationId, 1));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().auditEvent.count({ where: { chainKey: organisationId } })).toBe(0);
  });

  it("is detected when a stored event is altered", async () => {
    const organisationId = randomUUID();
    for (let i = 0; i < 3; i += 1) await db().$transaction((tx) => appendAuditEvent(tx, eventFor(organisationId, i)));
    await withSuperuser(async (client) => {
      await client.query("BEGIN");
      // Bypass the append-only trigger, as an attacker with superuser could.
      await client.query("SET LOCAL session_replication_role = replica");
      await client.query("UPDATE audit_event SET detail = '{\"n\": 99}' WHERE chain_key = $1 AND chain_seq = 2", [
        organisationId,
      ]);
      await client.query("COMMIT");
    });
    const { broken } = await verifyAuditChain(organisationId);
    expect(broken).toMatchObject({ kind: "hash-mismatch", chainSeq: 2n });
  });
});
