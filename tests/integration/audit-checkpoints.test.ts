// Anchored audit chains (issue 12, decision 014): a database owner who deletes events and
// recomputes every later hash leaves a chain that holds together, but not one that agrees with
// the checkpoints signed before; and the offline verifier rejects an altered export.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { type AuditEventInput, createChainVerifier } from "@/domain/audit";
import { recordAuditEvent } from "@/server/audit/append-audit-event";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { writeAuditCheckpoints } from "@/server/audit/write-audit-checkpoints";
import { csvDocument } from "@/server/exports/encode-csv";
import { AUDIT_EVENT_EXPORT_COLUMNS, auditEventsExportQuery } from "@/server/exports/export-audit-events";
import { ownerDatabaseUrl, withSuperuser } from "./support";
import { ownerRebuild, readChain, throwawayAuditKeys } from "./audit-tampering";

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), "infoshare-checkpoints-"));
const { keys, publicKey } = throwawayAuditKeys();
const publicKeyFile = join(folder, "audit-key.pem");

function event(organisationId: string, n: number): AuditEventInput {
  return {
    actorId: null,
    actorRole: null,
    organisationId,
    action: n === 4 ? "subject-access.export" : "test.checkpoint",
    objectType: "decision",
    objectId: `DEC-${n}`,
    caseReference: n % 3 === 0 ? '=HYPERLINK("x")' : null,
    requestId: `request-${n}`,
    ip: null,
    outcome: "SUCCESS",
    detail: { n, note: 'a, "quoted" value' },
  };
}

async function chainWith(events: number): Promise<{ organisationId: string; file: string }> {
  const organisationId = randomUUID();
  const file = join(folder, `${organisationId}.jsonl`);
  for (let n = 1; n <= events; n += 1) await recordAuditEvent(event(organisationId, n));
  return { organisationId, file };
}

async function chainHoldsTogether(chainKey: string): Promise<boolean> {
  return withSuperuser(async (client) => {
    const verifier = createChainVerifier(chainKey);
    for (const event of await readChain(client, chainKey)) verifier.add(event);
    const head = await client.query<{ last_seq: string; last_hash: string }>(
      "SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_key = $1",
      [chainKey],
    );
    return verifier.finish({ lastSeq: BigInt(head.rows[0]!.last_seq), lastHash: head.rows[0]!.last_hash }) === null;
  });
}

beforeAll(() => {
  writeFileSync(publicKeyFile, publicKey.export({ type: "spki", format: "pem" }));
});

describe("signed checkpoints against the database's owner", () => {
  it("report the owner's rebuild of the chain at the first event that no longer matches", async () => {
    const { organisationId, file } = await chainWith(8);
    const url = ownerDatabaseUrl();
    expect(await writeAuditCheckpoints(url, { keys, file, chainKey: organisationId })).toHaveLength(1);
    for (let n = 9; n <= 10; n += 1) await recordAuditEvent(event(organisationId, n));
    const second = await writeAuditCheckpoints(url, { keys, file, chainKey: organisationId });
    expect(second.map((c) => [c.fromSeq, c.seq])).toEqual([["9", "10"]]);
    expect(await writeAuditCheckpoints(url, { keys, file, chainKey: organisationId })).toEqual([]); // nothing new
    const options = { chainKey: organisationId, keys, checkpointFile: file };
    expect((await verifyAuditChains(url, options)).breaks).toEqual([]);

    await ownerRebuild(organisationId, [4n, 5n]);
    expect(await chainHoldsTogether(organisationId)).toBe(true); // the hash chain alone sees nothing
    const nowAtFour = await withSuperuser(
      async (client) =>
        (
          await client.query<{ id: string }>(
            "SELECT id::text FROM audit_event WHERE chain_key = $1 AND chain_seq = 4",
            [organisationId],
          )
        ).rows[0]!.id,
    );
    const result = await verifyAuditChains(url, options);
    expect(result.breaks).toHaveLength(1);
    expect(result.breaks[0]).toMatchObject({ kind: "checkpoint-mismatch", chainSeq: "4", eventId: nowAtFour });
    expect(result.breaks[0]!.message).toContain(`event ${nowAtFour} (position 4)`);

    // Removing the checkpoints from the database does not help: the file outside it still has them.
    await withSuperuser((client) =>
      client.query("DELETE FROM audit_checkpoint WHERE chain_key = $1", [organisationId]),
    );
    expect((await verifyAuditChains(url, options)).breaks[0]).toMatchObject({
      kind: "checkpoint-mismatch",
      chainSeq: "4",
    });
  });

  it("report a checkpoint whose signature or hash list was altered", async () => {
    const { organisationId } = await chainWith(3);
    const url = ownerDatabaseUrl();
    await writeAuditCheckpoints(url, { keys, file: null, chainKey: organisationId });
    await withSuperuser((client) =>
      client.query("UPDATE audit_checkpoint SET event_hashes[1] = repeat('a', 64) WHERE chain_key = $1", [
        organisationId,
      ]),
    );
    const result = await verifyAuditChains(url, { chainKey: organisationId, keys, checkpointFile: null });
    expect(result.breaks[0]).toMatchObject({ kind: "checkpoint-invalid" });
  });
});

describe("the offline verifier (scripts/verify-export.mjs)", () => {
  async function exportCsv(organisationId: string): Promise<string> {
    const query = auditEventsExportQuery(organisationId, {});
    const rows = await withSuperuser(
      async (client) => (await client.query({ text: query.text, values: query.values, rowMode: "array" })).rows,
    );
    return csvDocument(AUDIT_EVENT_EXPORT_COLUMNS, rows as string[][]);
  }

  async function verifyOffline(
    csv: string,
    checkpoints: string,
    extra: string[] = [],
  ): Promise<{ code: number; out: string }> {
    const exportFile = join(folder, `${randomUUID()}.csv`);
    writeFileSync(exportFile, csv);
    const args = [
      "scripts/verify-export.mjs",
      "--export",
      exportFile,
      "--checkpoints",
      checkpoints,
      "--public-key",
      publicKeyFile,
      ...extra,
    ];
    try {
      const { stdout } = await run(process.execPath, args);
      return { code: 0, out: stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, out: failed.stdout + failed.stderr };
    }
  }

  it("accepts the export as made and rejects it altered, even with its hash recomputed", async () => {
    const { organisationId, file } = await chainWith(6);
    await writeAuditCheckpoints(ownerDatabaseUrl(), { keys, file, chainKey: organisationId });
    const csv = await exportCsv(organisationId);

    const intact = await verifyOffline(csv, file);
    expect(intact.out).toContain("VERIFIED: 6 event(s)");
    expect(intact.code).toBe(0);

    const altered = csv.replace("DEC-2", "DEC-9");
    expect(altered).not.toBe(csv);
    const rejected = await verifyOffline(altered, file);
    expect(rejected.code).toBe(1);
    expect(rejected.out).toMatch(/NOT VERIFIED: event \d+ \(position 2\) has been altered/);

    // Drop an event and the checkpoint still names the position.
    const lines = csv.split("\r\n");
    const withoutFourth = [...lines.slice(0, 4), ...lines.slice(5)].join("\r\n");
    expect((await verifyOffline(withoutFourth, file)).code).toBe(0); // as a filtered export would be
    const shortened = await verifyOffline(withoutFourth, file, ["--complete"]);
    expect(shortened.code).toBe(1);
    expect(shortened.out).toContain("position 4 is missing");

    // A checkpoint file with one hash changed no longer verifies against the public key.
    const forged = readFileSync(file, "utf8").replace(
      /"eventHashes":\["([0-9a-f])/,
      (_match, first: string) => `"eventHashes":["${first === "f" ? "e" : "f"}`,
    );
    expect(forged).not.toBe(readFileSync(file, "utf8"));
    const forgedFile = join(folder, "forged.jsonl");
    writeFileSync(forgedFile, forged);
    expect((await verifyOffline(csv, forgedFile)).code).toBe(1);
  });
});
