// The app's role against the database's own defences (issue 12, decision 014): it cannot run
// code as the owner through a SECURITY DEFINER function, cannot dispose of a record before its
// time or without an audit event, and cannot rewrite an escalation's reason.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { db } from "@/server/infra/db";
import {
  actorFor,
  endRetentionOf,
  asAppRoleRolledBack,
  recordThroughWizard,
  verifyAuditChain,
  withAppRole,
  withSuperuser,
} from "./support";
import { TOM, DAN } from "./demo-people";

const PERMISSION_DENIED = "42501";
const DISPOSE = "SELECT dispose_decision($1::uuid, $2::uuid, 'test-request', NULL)";
const DISPOSE_EARLY = "SELECT dispose_decision($1::uuid, $2::uuid, 'test-request', NULL, $3)";

/** The error a statement raises (null if it succeeds), inside a savepoint so the transaction goes on. */
async function errorOf(client: pg.Client, sql: string, params: unknown[] = []): Promise<pg.DatabaseError | null> {
  await client.query("SAVEPOINT attempt");
  try {
    await client.query(sql, params);
    await client.query("RELEASE SAVEPOINT attempt");
    return null;
  } catch (error) {
    await client.query("ROLLBACK TO SAVEPOINT attempt");
    return error as pg.DatabaseError;
  }
}

/** The temp-table attack of issue 12: shadow "decision" in pg_temp with a trigger that reports who it runs as. */
const SHADOW = [
  "CREATE TEMP TABLE decision (LIKE public.decision)",
  `CREATE FUNCTION pg_temp.report_role() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'shadow trigger ran as %', current_user; END; $$`,
  "CREATE TRIGGER report_role BEFORE UPDATE ON pg_temp.decision FOR EACH ROW EXECUTE FUNCTION pg_temp.report_role()",
];

describe("SECURITY DEFINER functions cannot be hijacked by the app role", () => {
  it("the app role may not create temporary tables at all", async () => {
    await asAppRoleRolledBack(async (client) => {
      const refused = await errorOf(client, SHADOW[0]!);
      expect(refused?.code).toBe(PERMISSION_DENIED);
    });
  });

  it("every SECURITY DEFINER function fixes its search_path with pg_temp last", async () => {
    const { rows } = await withSuperuser((client) =>
      client.query<{ name: string; config: string[] | null }>(`
        SELECT p.proname AS name, p.proconfig AS config FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public' AND p.prosecdef`),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const path = (row.config ?? []).find((setting) => setting.startsWith("search_path="));
      expect(path, row.name).toBeDefined();
      const schemas = path!
        .slice("search_path=".length)
        .split(",")
        .map((s) => s.trim());
      expect(schemas.at(-1), row.name).toBe("pg_temp");
      expect(schemas[0], row.name).toBe("pg_catalog");
    }
  });

  it("even with TEMPORARY granted back, a shadow table never runs code as the owner", async () => {
    const reference = await recordThroughWizard(TOM, consentGivenShareAnswers(), "HARD-0001");
    const decision = await db().decision.findUniqueOrThrow({ where: { reference } });
    const dan = await actorFor(DAN);
    const grant = async (what: "GRANT" | "REVOKE") =>
      withSuperuser(async (client) => {
        const { rows } = await client.query<{ name: string }>("SELECT current_database() AS name");
        const toOrFrom = what === "GRANT" ? "TO" : "FROM";
        await client.query(`${what} TEMPORARY ON DATABASE "${rows[0]!.name}" ${toOrFrom} infoshare_app`);
      });
    await grant("GRANT");
    try {
      await asAppRoleRolledBack(async (client) => {
        for (const statement of SHADOW) expect(await errorOf(client, statement)).toBeNull();
        await client.query("INSERT INTO pg_temp.decision SELECT * FROM public.decision WHERE id = $1", [decision.id]);
        await client.query("UPDATE pg_temp.decision SET retain_until = now() - interval '1 year' WHERE false");
        const failure = await errorOf(client, DISPOSE, [decision.id, dan.userId]);
        expect(failure?.message ?? "").not.toMatch(/shadow trigger ran as/);
        // The real record is not due, and the function looked at the real table.
        expect(failure?.message).toMatch(/not due for disposal/);
      });
    } finally {
      await grant("REVOKE");
    }
  });
});

describe("disposal only through the database function, which checks the date and audits", () => {
  it("refuses to dispose of a record that is not yet due, and of one by someone who is not an IG lead", async () => {
    const reference = await recordThroughWizard(TOM, consentGivenShareAnswers(), "HARD-0002");
    const decision = await db().decision.findUniqueOrThrow({ where: { reference } });
    const dan = await actorFor(DAN);
    const tom = await actorFor(TOM);
    await asAppRoleRolledBack(async (client) => {
      const early = await errorOf(client, DISPOSE, [decision.id, dan.userId]);
      expect(early?.message).toMatch(/not due for disposal/);
      const notLead = await errorOf(client, DISPOSE, [decision.id, tom.userId]);
      expect(notLead?.code).toBe(PERMISSION_DENIED);
      const shortReason = await errorOf(client, DISPOSE_EARLY, [decision.id, dan.userId, "because"]);
      expect(shortReason?.message).toMatch(/not due for disposal/);
    });
    const after = await db().decision.findUniqueOrThrow({ where: { reference } });
    expect(after.caseReference).toBe("HARD-0002");
  });

  it("a due record disposed of by a direct call writes its own audit event, and the chain verifies", async () => {
    const reference = await recordThroughWizard(TOM, consentGivenShareAnswers(), "HARD-0003");
    await endRetentionOf(reference);
    const decision = await db().decision.findUniqueOrThrow({ where: { reference } });
    const dan = await actorFor(DAN);
    const eventId = await withAppRole(async (client) => {
      const sql = "SELECT dispose_decision($1::uuid, $2::uuid, 'direct-call', '10.0.0.9')::text AS id";
      const { rows } = await client.query<{ id: string }>(sql, [decision.id, dan.userId]);
      return rows[0]!.id;
    });
    const event = await db().auditEvent.findUniqueOrThrow({ where: { id: BigInt(eventId) } });
    expect(event).toMatchObject({ action: "retention.dispose", objectId: reference, actorId: dan.userId });
    expect(event).toMatchObject({ requestId: "direct-call", ip: "10.0.0.9" });
    expect((await db().decision.findUniqueOrThrow({ where: { reference } })).caseReference).toBe("DISPOSED");

    expect((await verifyAuditChain(decision.organisationId)).broken).toBeNull();
  });

  it("an IG lead's override with a reason disposes early, and the reason is in the audit event", async () => {
    const reference = await recordThroughWizard(TOM, consentGivenShareAnswers(), "HARD-0004");
    const decision = await db().decision.findUniqueOrThrow({ where: { reference } });
    const dan = await actorFor(DAN);
    await withAppRole((client) =>
      client.query(DISPOSE_EARLY, [decision.id, dan.userId, "Erasure request upheld by the ICO"]),
    );
    const where = { objectId: reference, action: "retention.dispose" };
    const event = await db().auditEvent.findFirstOrThrow({ where });
    expect(event.detail).toMatchObject({ override: true, reason: "Erasure request upheld by the ICO" });
    const review = await db().retentionReview.findUniqueOrThrow({ where: { decisionId: decision.id } });
    expect(review.disposedAt).not.toBeNull();
    expect(review.reason).toContain("Erasure request upheld by the ICO");
  });
});

describe("column-level grants", () => {
  it("the app role cannot rewrite an escalation's reason, but can resolve it", async () => {
    const reference = await recordThroughWizard(TOM, consentGivenShareAnswers(), "HARD-0005");
    const decision = await db().decision.findUniqueOrThrow({ where: { reference } });
    const escalationId = randomUUID();
    await db().escalation.create({
      data: {
        id: escalationId,
        decisionId: decision.id,
        organisationId: decision.organisationId,
        teamId: decision.teamId,
        raisedById: decision.authorId,
        reason: "The original reason for escalating.",
      },
    });
    const dan = await actorFor(DAN);
    await asAppRoleRolledBack(async (client) => {
      const rewrite = await errorOf(client, "UPDATE escalation SET reason = 'Changed' WHERE id = $1", [escalationId]);
      expect(rewrite?.code).toBe(PERMISSION_DENIED);
      const resolveSql = `UPDATE escalation SET status = 'RESOLVED', resolution = 'Agreed', resolved_by_id = $2,
                                                resolved_at = now() WHERE id = $1`;
      const resolve = await errorOf(client, resolveSql, [escalationId, dan.userId]);
      expect(resolve).toBeNull();
      const disposedAt = await errorOf(client, "UPDATE retention_review SET disposed_at = now()");
      expect(disposedAt?.code).toBe(PERMISSION_DENIED);
    });
  });
});
