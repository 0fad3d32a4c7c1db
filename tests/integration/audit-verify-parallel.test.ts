// audit:verify at the speed of hashing (issue 15, decision 029): the chain read with COPY and
// hashed in batches, in worker threads, must find exactly what a row-by-row verification finds,
// on every kind of tampering, whatever the batch size; and a verification may start from the
// last signed checkpoint that still matches the chain.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditEventInput, createChainVerifier, describeChainBreak } from "@/domain/audit";
import { createCheckpointComparer } from "@/domain/audit/checkpoint";
import { recordAuditEvent } from "@/server/audit/append-audit-event";
import { type ChainHasher, inThreadHasher } from "@/server/audit/audit-event-copy";
import { createWorkerHasher } from "@/server/audit/chain-hash-pool";
import {
  type AuditChainBreakReport,
  endOfChainReport,
  firstBreakReport,
  verifyAuditChains,
} from "@/server/audit/verify-audit-chains";
import { readStoredCheckpoints, writeAuditCheckpoints } from "@/server/audit/write-audit-checkpoints";
import { ownerDatabaseUrl, withSuperuser } from "./support";
import { ownerRebuild, readChain, throwawayAuditKeys } from "./audit-tampering";

const { keys } = throwawayAuditKeys();
const url = ownerDatabaseUrl();
let workers: ChainHasher;
beforeAll(async () => {
  workers = await createWorkerHasher(2);
});
afterAll(async () => {
  await workers?.close();
});

/** Text that COPY escapes (tab, newline, backslash, carriage return) and text beyond ASCII. */
const AWKWARD = 'tab\there\nnew line \\ back\\slash\r "quoted" é ü 😀 \u0007 {"a":1}';

function event(organisationId: string, n: number): AuditEventInput {
  return {
    actorId: null,
    actorRole: n % 2 === 0 ? "PRACTITIONER" : null,
    organisationId,
    action: `test.parallel.${n}`,
    objectType: "decision",
    objectId: `DEC-${n}`,
    caseReference: n % 3 === 0 ? AWKWARD : null,
    requestId: `request-${n}`,
    ip: n % 4 === 0 ? "192.0.2.1" : null,
    outcome: "SUCCESS",
    detail: { n, note: AWKWARD, nested: { z: [1, 2.5, null, true], a: "x" }, é: n * 1.25 },
  };
}

async function chainWith(events: number): Promise<string> {
  const organisationId = randomUUID();
  for (let n = 1; n <= events; n += 1) await recordAuditEvent(event(organisationId, n));
  return organisationId;
}

/** As the database's owner, with the append-only triggers off. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  await withSuperuser(async (client) => {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(sql, params);
    await client.query("COMMIT");
  });
}

/**
 * The verification as it was before COPY and workers: every row through node-postgres's own
 * parsing, hashed one at a time in chain order, compared with the stored checkpoints.
 */
async function rowByRowVerification(chainKey: string) {
  return withSuperuser(async (client) => {
    const verifier = createChainVerifier(chainKey);
    const comparer = createCheckpointComparer(chainKey, await readStoredCheckpoints(client, chainKey), keys.publicKeys);
    let anchored = null as ReturnType<typeof comparer.add>;
    const verified = (report: AuditChainBreakReport | null) => ({
      eventsChecked: verifier.checked,
      breaks: report ? [report] : [],
    });
    for (const stored of await readChain(client, chainKey)) {
      anchored ??= comparer.add(stored);
      const broken = verifier.add(stored);
      if (broken) return verified(firstBreakReport(anchored, broken, stored.chainSeq));
    }
    return verified(await endOfChainReport(client, chainKey, verifier, comparer, anchored));
  });
}

/** The same chain through COPY: in this thread and in workers, in batches of one to a few events and large. */
async function expectEveryWayToAgree(chainKey: string) {
  const expected = await rowByRowVerification(chainKey);
  for (const hasher of [inThreadHasher, workers]) {
    for (const batchBytes of [1, 700, 1 << 20]) {
      const result = await verifyAuditChains(url, { chainKey, keys, checkpointFile: null, hasher, batchBytes });
      expect({ eventsChecked: result.eventsChecked, breaks: result.breaks }).toEqual(expected);
    }
  }
  return expected;
}

describe("audit:verify with COPY and worker threads", () => {
  it("agrees with the row-by-row verification on an intact chain of awkward text", async () => {
    const chainKey = await chainWith(12);
    expect(await expectEveryWayToAgree(chainKey)).toEqual({ eventsChecked: 12, breaks: [] });
  });

  it.each([
    [
      "the detail",
      "UPDATE audit_event SET detail = jsonb_set(detail, '{n}', '99') WHERE chain_key = $1 AND chain_seq = 5",
    ],
    [
      "a text field to one with escapes",
      "UPDATE audit_event SET object_id = E'a\\tb' WHERE chain_key = $1 AND chain_seq = 5",
    ],
    ["a field to NULL", "UPDATE audit_event SET request_id = NULL WHERE chain_key = $1 AND chain_seq = 5"],
    [
      "the time by a millisecond",
      "UPDATE audit_event SET at = at + interval '1 millisecond' WHERE chain_key = $1 AND chain_seq = 5",
    ],
    ["the role", "UPDATE audit_event SET actor_role = 'IG_LEAD' WHERE chain_key = $1 AND chain_seq = 5"],
    ["the stored hash", "UPDATE audit_event SET hash = repeat('b', 64) WHERE chain_key = $1 AND chain_seq = 5"],
    [
      "the link to the event before",
      "UPDATE audit_event SET prev_hash = repeat('c', 64) WHERE chain_key = $1 AND chain_seq = 5",
    ],
    ["an event deleted from the middle", "DELETE FROM audit_event WHERE chain_key = $1 AND chain_seq = 5"],
    ["the tail cut off", "DELETE FROM audit_event WHERE chain_key = $1 AND chain_seq > 7"],
    ["the head removed", "DELETE FROM audit_chain_head WHERE chain_key = $1"],
    ["the head moved back", "UPDATE audit_chain_head SET last_seq = 7 WHERE chain_key = $1"],
  ])("agrees with it when the owner alters %s", async (_what, sql) => {
    const chainKey = await chainWith(9);
    await tamper(sql, [chainKey]);
    const result = await expectEveryWayToAgree(chainKey);
    expect(result.breaks).toHaveLength(1);
  });

  it("agrees with it when two events are swapped", async () => {
    const chainKey = await chainWith(9);
    // Through a free position: (chain_key, chain_seq) is unique at every statement.
    await tamper("UPDATE audit_event SET chain_seq = -3 WHERE chain_key = $1 AND chain_seq = 3", [chainKey]);
    await tamper("UPDATE audit_event SET chain_seq = 3 WHERE chain_key = $1 AND chain_seq = 6", [chainKey]);
    await tamper("UPDATE audit_event SET chain_seq = 6 WHERE chain_key = $1 AND chain_seq = -3", [chainKey]);
    expect((await expectEveryWayToAgree(chainKey)).breaks[0]).toMatchObject({ chainSeq: "3" });
  });

  it("agrees with it when the owner rebuilds a signed chain, and on an altered checkpoint", async () => {
    const chainKey = await chainWith(6);
    await writeAuditCheckpoints(url, { keys, file: null, chainKey });
    // Rebuild without event 2: later positions and hashes recomputed, so only the checkpoint notices.
    await ownerRebuild(chainKey, [2n]);
    expect((await expectEveryWayToAgree(chainKey)).breaks[0]).toMatchObject({
      kind: "checkpoint-mismatch",
      chainSeq: "2",
    });

    const other = await chainWith(3);
    await writeAuditCheckpoints(url, { keys, file: null, chainKey: other });
    await tamper("UPDATE audit_checkpoint SET signature = reverse(signature) WHERE chain_key = $1", [other]);
    expect((await expectEveryWayToAgree(other)).breaks[0]).toMatchObject({ kind: "checkpoint-invalid" });
  });
});

describe("audit:verify from the last good checkpoint", () => {
  const fromCheckpoint = (chainKey: string) =>
    verifyAuditChains(url, { chainKey, keys, checkpointFile: null, hasher: workers, fromCheckpoint: true });

  it("hashes only what was appended since, and finds a change there as a full verification does", async () => {
    const chainKey = await chainWith(8);
    await writeAuditCheckpoints(url, { keys, file: null, chainKey });
    await recordAuditEvent(event(chainKey, 9));
    await recordAuditEvent(event(chainKey, 10));
    expect(await fromCheckpoint(chainKey)).toMatchObject({
      eventsChecked: 2,
      breaks: [],
      startedFromCheckpoints: [{ chainKey, seq: "8" }],
    });

    await tamper("UPDATE audit_event SET action = 'x' WHERE chain_key = $1 AND chain_seq = 10", [chainKey]);
    const full = await verifyAuditChains(url, { chainKey, keys, checkpointFile: null });
    expect((await fromCheckpoint(chainKey)).breaks).toEqual(full.breaks);
    expect(full.breaks[0]).toMatchObject({ kind: "hash-mismatch", chainSeq: "10" });
  });

  it("leaves what the checkpoint vouches for unread, and notices a tail cut back to it", async () => {
    const chainKey = await chainWith(6);
    await writeAuditCheckpoints(url, { keys, file: null, chainKey });
    // Content altered before the checkpoint, hash column untouched: only a full verification rehashes it.
    await tamper("UPDATE audit_event SET action = 'x' WHERE chain_key = $1 AND chain_seq = 2", [chainKey]);
    expect((await fromCheckpoint(chainKey)).breaks).toEqual([]);
    expect((await verifyAuditChains(url, { chainKey, keys, checkpointFile: null })).breaks[0]).toMatchObject({
      kind: "hash-mismatch",
      chainSeq: "2",
    });

    await recordAuditEvent(event(chainKey, 7));
    await tamper("DELETE FROM audit_event WHERE chain_key = $1 AND chain_seq = 7", [chainKey]);
    const result = await fromCheckpoint(chainKey);
    expect(result.breaks).toEqual([expect.objectContaining({ kind: "head-mismatch", chainSeq: "6" })]);
    expect(result.breaks[0]!.message).toBe(
      describeChainBreak({
        kind: "head-mismatch",
        chainKey,
        headSeq: 7n,
        lastSeq: 6n,
        lastEventId: BigInt(result.breaks[0]!.eventId!),
      }),
    );
  });

  it("falls back to the whole chain when no checkpoint matches it any more", async () => {
    const chainKey = await chainWith(5);
    await writeAuditCheckpoints(url, { keys, file: null, chainKey });
    await tamper("UPDATE audit_event SET hash = repeat('d', 64) WHERE chain_key = $1 AND chain_seq = 5", [chainKey]);
    const result = await fromCheckpoint(chainKey);
    expect(result.startedFromCheckpoints).toEqual([]);
    expect(result.breaks).toEqual((await verifyAuditChains(url, { chainKey, keys, checkpointFile: null })).breaks);
    expect(result.breaks[0]).toMatchObject({ chainSeq: "5" });
  });
});
