// Signed audit checkpoints (decision 014) keep being written by the server's own timer while
// PostgreSQL stops and starts again, and the chain verifies against them afterwards.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { type Stack, openStack, withOwner } from "./support";

const folder = mkdtempSync(join(tmpdir(), "infoshare-fault-checkpoints-"));
const checkpointFile = join(folder, "checkpoints.jsonl");
const organisationId = randomUUID();
let stack: Stack;

beforeAll(async () => {
  const keyFile = join(folder, "signing-key.pem");
  writeFileSync(keyFile, generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }));
  // The app server inherits these (scripts/lib/harness/server.ts passes process.env on).
  process.env.AUDIT_SIGNING_KEY_FILE = keyFile;
  process.env.AUDIT_CHECKPOINT_FILE = checkpointFile;
  process.env.AUDIT_CHECKPOINT_INTERVAL_SECONDS = "1";
  stack = await openStack("checkpoints", 3520);
}, 300_000);

afterAll(async () => {
  await stack?.close();
});

/** One event appended as the owner would see the app append it (the same SQL function disposal uses). */
async function appendEvent(n: number): Promise<boolean> {
  try {
    await withOwner(stack, (client) =>
      client.query(
        `SELECT append_audit_event($1::uuid, NULL, NULL, 'test.outage', 'decision', $2, NULL, $3, NULL,
                                   'SUCCESS', '{}'::jsonb)`,
        [organisationId, `DEC-${n}`, `request-${n}`],
      ),
    );
    return true;
  } catch {
    return false; // the database is down
  }
}

async function checkpointed(): Promise<{ seq: number; head: number; rows: number }> {
  return withOwner(stack, async (client) => {
    const { rows } = await client.query<{ seq: string | null; head: string | null; rows: string }>(
      `SELECT (SELECT max(seq) FROM audit_checkpoint WHERE chain_key = $1)::text AS seq,
              (SELECT last_seq FROM audit_chain_head WHERE chain_key = $1)::text AS head,
              (SELECT count(*) FROM audit_checkpoint WHERE chain_key = $1)::text AS rows`,
      [organisationId],
    );
    return { seq: Number(rows[0]!.seq ?? 0), head: Number(rows[0]!.head ?? 0), rows: Number(rows[0]!.rows) };
  });
}

describe("audit checkpoints while PostgreSQL restarts", () => {
  it("keep being signed before, during recovery and after, and verify afterwards", async () => {
    let n = 0;
    const appendFor = async (ms: number) => {
      for (const until = Date.now() + ms; Date.now() < until;) {
        if (await appendEvent(n + 1)) n += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    await appendFor(4_000);
    const before = await checkpointed();
    expect(before.rows).toBeGreaterThan(0);

    await stack.db.stopServer();
    await appendFor(5_000); // all refused: the database is down
    await stack.db.startServer();
    const restartedAt = Date.now();
    await appendFor(6_000);

    // The timer catches up with the head on its own.
    let after = await checkpointed();
    for (const until = Date.now() + 30_000; after.seq < after.head && Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = await checkpointed();
    }
    expect(after.seq).toBe(after.head);
    expect(after.head).toBe(n);
    expect(after.rows).toBeGreaterThan(before.rows);
    const fileLines = readFileSync(checkpointFile, "utf8")
      .split("\n")
      .filter((line) => line.includes(organisationId));
    expect(fileLines.length).toBeGreaterThanOrEqual(after.rows);
    const signedAfterRestart = fileLines
      .map((line) => JSON.parse(line) as { at: string })
      .filter((c) => Date.parse(c.at) > restartedAt);
    expect(signedAfterRestart.length).toBeGreaterThan(0);
    expect(stack.server.alive()).toBe(true);

    const verification = await verifyAuditChains(stack.db.ownerUrl, { chainKey: organisationId, checkpointFile });
    expect(verification.breaks).toEqual([]);
    expect(verification.eventsChecked).toBe(n);
  });
});
