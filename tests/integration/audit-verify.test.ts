// Acceptance (issue 5): `npm run audit:verify` exits 0 on an untouched database and non-zero,
// naming the event, when a superuser has altered, removed or cut off audit rows. The tampering
// happens in databases of its own (created here on the run's server), so other test files never
// see a broken chain. Also: the IG lead's "Verify integrity" use case.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, uniqueDatabaseName, withDatabaseName } from "../../scripts/lib/database";
import { REPO_ROOT, applyMigrations } from "../../scripts/lib/migrations";
import { auditVerify } from "../../scripts/lib/audit-verify-command";
import type { AuditEventInput } from "@/domain/audit";
import { PrismaClient } from "@/generated/prisma/client";
import type { SignedInUser } from "@/server/auth/current-actor";
import { appendAuditEvent } from "@/server/audit/append-audit-event";
import { getAuditVerification } from "@/server/audit/get-audit-verification";
import { runAuditVerification } from "@/server/audit/run-audit-verification";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { UTC_SESSION, db } from "@/server/infra/db";
import { TEST_META, ownerDatabaseUrl, serverDatabaseUrl } from "./support";

const serverUrl = serverDatabaseUrl();
const createdDatabases: string[] = [];
afterAll(async () => {
  for (const name of createdDatabases) await dropDatabase(serverUrl, name).catch(() => undefined);
});

function eventFor(organisationId: string | null, n: number): AuditEventInput {
  return {
    actorId: null,
    actorRole: null,
    organisationId,
    action: "test.verify",
    objectType: "item",
    objectId: String(n),
    caseReference: null,
    requestId: null,
    ip: null,
    outcome: "SUCCESS",
    detail: { n },
  };
}

async function appendEvents(prisma: PrismaClient, organisationId: string | null, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; n <= count; n += 1) {
    const { id } = await prisma.$transaction((tx) => appendAuditEvent(tx, eventFor(organisationId, n)));
    ids.push(id.toString());
  }
  return ids;
}

/** Migrated once per file, with no rows (the run's template has the demo data and its audit events). */
let migrated: Promise<string> | undefined;
function migratedDatabase(): Promise<string> {
  migrated ??= (async () => {
    const name = uniqueDatabaseName("infoshare_verify_migrated");
    createdDatabases.push(name);
    await applyMigrations(await createDatabase(serverUrl, name));
    return name;
  })();
  return migrated;
}

/** A fresh migrated database with an organisation chain of 10 events and a system chain of 3. */
async function databaseWithEvents(purpose: string, sessionOptions = UTC_SESSION) {
  const template = await migratedDatabase();
  const name = uniqueDatabaseName(`infoshare_${purpose}`);
  createdDatabases.push(name);
  // A copy of the migrated database: migrating each one took seconds.
  const url = await createDatabase(serverUrl, name, template);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, options: sessionOptions }) });
  try {
    const organisationId = randomUUID();
    const ids = await appendEvents(prisma, organisationId, 10); // ids[i] is at position i + 1
    await appendEvents(prisma, null, 3);
    return { url, organisationId, ids };
  } finally {
    await prisma.$disconnect();
  }
}

/** Changes rows as a superuser would: session_replication_role = replica skips the append-only triggers. */
async function tamper(url: string, sql: string, params: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(sql, params);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/** The command `npm run audit:verify` runs (tsx and its flags, from package.json), without npm itself. */
function auditVerifyCommand(): string[] {
  const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const [program, ...args] = packageJson.scripts["audit:verify"]!.split(" ");
  return [join(REPO_ROOT, "node_modules", ".bin", program!), ...args];
}

/** The real command line in a process of its own: its exit code and what it printed. */
function spawnAuditVerify(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const [program, ...args] = auditVerifyCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(program!, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

// The checkpoint settings the command puts into process.env (as it does in its own process), put back after.
const CHECKPOINT_SETTINGS = ["AUDIT_CHECKPOINT_FILE", "AUDIT_SIGNING_KEY_FILE"] as const;

/**
 * The command's own code in this process (a process per case cost seconds each): exit code and output.
 * Hashed in this thread (`--workers 0`): starting worker threads cost seconds too, and
 * audit-verify-parallel.test.ts shows they find exactly what this thread finds.
 */
async function runAuditVerify(databaseUrl: string, options: string[] = []): Promise<{ code: number; output: string }> {
  const args = ["--workers", "0", ...options];
  const lines: string[] = [];
  const saved = CHECKPOINT_SETTINGS.map((name) => [name, process.env[name]] as const);
  try {
    const print = (line: string) => lines.push(line);
    const code = await auditVerify(args, { databaseUrl, output: { log: print, error: print } });
    return { code, output: lines.join("\n") };
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe("npm run audit:verify", () => {
  it("exits 0 when intact, non-zero naming an altered event, in a process of its own", async () => {
    const [intactDatabase, alteredDatabase] = await Promise.all([
      databaseWithEvents("verify_cli_intact"),
      databaseWithEvents("verify_cli_altered"),
    ]);
    const altered = alteredDatabase.ids[3]!;
    await tamper(alteredDatabase.url, `UPDATE audit_event SET detail = '{"n": 99}' WHERE id = $1`, [altered]);
    // Side by side: each process spends most of its time starting.
    const [intact, broken] = await Promise.all([
      spawnAuditVerify(intactDatabase.url),
      spawnAuditVerify(alteredDatabase.url),
    ]);
    expect(intact.output).toContain("Checked 13 audit event(s) in 2 chain(s)");
    expect(intact.output).toContain("Intact");
    expect(intact.code).toBe(0);
    const chain = alteredDatabase.organisationId;
    expect(broken.output).toContain(`event id ${altered} (chain ${chain}, position 4, hash-mismatch)`);
    expect(broken.code).toBe(1);
  }, 180_000); // two processes, each starting tsx and worker threads: a minute on a heavily loaded machine

  it("exits non-zero naming an event a superuser altered", async () => {
    const { url, organisationId, ids } = await databaseWithEvents("verify_altered");
    const altered = ids[3]!;
    await tamper(url, `UPDATE audit_event SET detail = '{"n": 99}' WHERE id = $1`, [altered]);

    const { code, output } = await runAuditVerify(url);
    expect(code).toBe(1);
    expect(output).toContain(`event id ${altered} (chain ${organisationId}, position 4, hash-mismatch)`);
    expect(output).toContain("BROKEN: 1 chain(s)");

    // One organisation's chain on its own: the other chain is still intact.
    const system = await runAuditVerify(url, ["--organisation", "system"]);
    expect(system.output).toContain("Checked 3 audit event(s) in chain system");
    expect(system.code).toBe(0);
  });

  it("exits non-zero naming the event after one deleted from the middle", async () => {
    const { url, ids } = await databaseWithEvents("verify_gap");
    await tamper(url, "DELETE FROM audit_event WHERE id = $1", [ids[4]]);

    const { code, output } = await runAuditVerify(url);
    expect(code).toBe(1);
    expect(output).toContain(`event id ${ids[5]}`);
    expect(output).toMatch(/position 6, gap\).*expected 5/);
  });

  it("exits non-zero when the tail of a chain was cut off", async () => {
    const { url, ids } = await databaseWithEvents("verify_tail");
    await tamper(url, "DELETE FROM audit_event WHERE id = ANY($1::bigint[])", [[ids[8], ids[9]]]);

    const { code, output } = await runAuditVerify(url);
    expect(code).toBe(1);
    expect(output).toContain(`event id ${ids[7]}`);
    expect(output).toContain("head-mismatch");
    expect(output).toContain("records position 10 but the last event is");
    expect(output).toContain("removed from the end");
  });

  it("exits non-zero when a chain's head was removed", async () => {
    const { url, organisationId, ids } = await databaseWithEvents("verify_head");
    await tamper(url, "DELETE FROM audit_chain_head WHERE chain_key = $1", [organisationId]);

    const { code, output } = await runAuditVerify(url);
    expect(code).toBe(1);
    expect(output).toContain(`event id ${ids[9]}`);
    expect(output).toContain("head-missing");
  });

  it("exits 2 when it cannot reach the database", async () => {
    const { code, output } = await runAuditVerify(withDatabaseName(serverUrl, "infoshare_does_not_exist"));
    expect(code).toBe(2);
    expect(output).toContain("Audit verification could not run");
  });
});

describe("verifyAuditChains", () => {
  it("verifies events appended on a session whose TimeZone is not UTC", async () => {
    const { url, organisationId, ids } = await databaseWithEvents("verify_timezone", "-c TimeZone=Pacific/Auckland");
    expect(await verifyAuditChains(url)).toMatchObject({ chains: 2, eventsChecked: 13, breaks: [] });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ at: Date }>("SELECT at FROM audit_event WHERE id = $1", [ids[0]]);
      // The real instant, not shifted by 13 h.
      expect(Math.abs(Date.now() - rows[0]!.at.getTime())).toBeLessThan(10 * 60_000);
    } finally {
      await client.end();
    }
    expect(await verifyAuditChains(url, { chainKey: organisationId, batchBytes: 300 })).toMatchObject({
      chains: 1,
      eventsChecked: 10,
      breaks: [],
    });
  });

  it("reports the first broken link of every broken chain, reading in small batches", async () => {
    const { url, organisationId, ids } = await databaseWithEvents("verify_batches");
    await tamper(url, `UPDATE audit_event SET ip = '10.0.0.1' WHERE id = ANY($1::bigint[])`, [[ids[6], ids[8]]]);
    await tamper(url, "DELETE FROM audit_event WHERE chain_key = 'system' AND chain_seq = 3", []);
    const result = await verifyAuditChains(url, { batchBytes: 400 });
    expect(result.breaks).toEqual([
      expect.objectContaining({ chainKey: organisationId, eventId: ids[6], chainSeq: "7", kind: "hash-mismatch" }),
      expect.objectContaining({ chainKey: "system", chainSeq: "2", kind: "head-mismatch" }),
    ]);
    expect(result.eventsChecked).toBe(7 + 2);
  });
});

describe("Verify integrity (the IG lead's button)", () => {
  // An IG lead of an organisation of their own in the run's database, so tampering with its
  // chain touches no other test's data.
  function igLeadOf(organisationId: string): SignedInUser {
    return {
      userId: randomUUID(),
      role: "IG_LEAD",
      organisationId,
      teamId: null,
      name: "Test IG lead",
      email: "ig@test.example",
      jobTitle: null,
      organisationName: "Test organisation",
      teamName: null,
    };
  }

  it("verifies only the lead's organisation's chain and records the verification", async () => {
    const organisationId = randomUUID();
    await appendEvents(db(), organisationId, 5);
    const lead = igLeadOf(organisationId);

    const result = await runAuditVerification(lead, TEST_META);
    expect(result).toMatchObject({ ok: true, intact: true, verification: { chains: 1, eventsChecked: 5, breaks: [] } });
    if (!result.ok) throw new Error("refused");

    const event = await db().auditEvent.findUniqueOrThrow({ where: { id: BigInt(result.verificationId) } });
    expect(event).toMatchObject({
      action: "audit.verify",
      outcome: "SUCCESS",
      organisationId,
      actorId: lead.userId,
      objectId: organisationId,
    });
    expect(event.detail).toMatchObject({ completed: true, chains: 1, eventsChecked: 5, breaks: 0, firstBreak: null });

    expect(await getAuditVerification(lead, result.verificationId)).toMatchObject({
      intact: true,
      eventsChecked: 5,
      firstBreak: null,
    });
    // Another organisation's IG lead cannot read it.
    expect(await getAuditVerification(igLeadOf(randomUUID()), result.verificationId)).toBeNull();
    expect(await getAuditVerification(lead, "not-a-number")).toBeNull();
  });

  it("records a FAILURE naming the first broken event", async () => {
    const organisationId = randomUUID();
    const ids = await appendEvents(db(), organisationId, 6);
    await tamper(ownerDatabaseUrl(), `UPDATE audit_event SET detail = '{"n": 0}' WHERE id = $1`, [ids[2]]);
    const lead = igLeadOf(organisationId);

    const result = await runAuditVerification(lead, TEST_META);
    expect(result).toMatchObject({ ok: true, intact: false });
    if (!result.ok) throw new Error("refused");
    const event = await db().auditEvent.findUniqueOrThrow({ where: { id: BigInt(result.verificationId) } });
    expect(event.outcome).toBe("FAILURE");
    expect(event.detail).toMatchObject({
      breaks: 1,
      firstBreak: { eventId: ids[2], chainSeq: "3", kind: "hash-mismatch" },
    });

    const shown = await getAuditVerification(lead, result.verificationId);
    expect(shown).toMatchObject({ intact: false, firstBreak: { eventId: ids[2], chainSeq: "3" } });
    expect(shown?.firstBreak?.message).toContain(`event ${ids[2]}`);
  });
});
