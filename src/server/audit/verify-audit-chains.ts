import "server-only";
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import {
  type CheckpointBreak,
  type SignedCheckpoint,
  createCheckpointComparer,
  describeCheckpointBreak,
  parseCheckpointLines,
  validCheckpointsLatestFirst,
} from "@/domain/audit/checkpoint";
import { type ChainHasher, type HashedBatch, auditEventCopySql, inThreadHasher } from "./audit-event-copy";
import { type AuditKeys, checkpointFilePath, loadAuditKeys } from "./signing-keys";
import { readStoredCheckpoints } from "./write-audit-checkpoints";
import { type ChainBreak, type ChainStart, createChainVerifier, describeChainBreak } from "@/domain/audit";

export interface AuditChainBreakReport {
  chainKey: string;
  /** The event where the chain breaks; for a cut-off tail, the last event the chain still has. */
  eventId: string | null;
  chainSeq: string | null;
  kind: ChainBreak["kind"] | CheckpointBreak["kind"];
  message: string;
}

export interface AuditVerification {
  chains: number;
  eventsChecked: number;
  seconds: number;
  /** The first broken link of each broken chain; empty when every chain is intact. */
  breaks: AuditChainBreakReport[];
  /** Chains verified from a signed checkpoint rather than their first event (fromCheckpoint). */
  startedFromCheckpoints: { chainKey: string; seq: string }[];
}

export interface VerifyAuditChainsOptions {
  /** Only this chain (an organisation id, or "system"); every chain when absent. */
  chainKey?: string;
  /** Bytes of COPY output per batch hashed at once. Memory use is proportional to it, not to a chain's length. */
  batchBytes?: number;
  /** Where events are hashed: worker threads (chain-hash-pool.ts) or, when absent, this thread. */
  hasher?: ChainHasher;
  /**
   * Start each chain after its latest validly signed checkpoint that still matches the chain,
   * instead of its first event: what the checkpoint vouches for is not hashed again.
   */
  fromCheckpoint?: boolean;
  /** Keys that may have signed checkpoints; the configured ones (signing-keys.ts) when absent. */
  keys?: AuditKeys;
  /** The checkpoint file outside the database; AUDIT_CHECKPOINT_FILE when absent, none when null. */
  checkpointFile?: string | null;
}

/** Where a break is: the event it names (for a cut-off tail, the last one left) and its chain position. */
function breakPosition(broken: ChainBreak | CheckpointBreak): [eventId: bigint | null, chainSeq: bigint] {
  switch (broken.kind) {
    case "gap":
      return [broken.eventId, broken.foundSeq];
    case "prev-hash-mismatch":
    case "hash-mismatch":
    case "checkpoint-mismatch":
      return [broken.eventId, broken.chainSeq];
    case "head-mismatch":
    case "head-missing":
    case "checkpoint-beyond-end":
      return [broken.lastEventId, broken.lastSeq];
    case "checkpoint-invalid":
      return [null, broken.checkpointSeq];
  }
}

/** A break as reported: where it is, as strings (bigints do not go into JSON), and what it means. */
function breakReport(broken: ChainBreak | CheckpointBreak, message: string): AuditChainBreakReport {
  const [eventId, chainSeq] = breakPosition(broken);
  return {
    chainKey: broken.chainKey,
    kind: broken.kind,
    message,
    eventId: eventId?.toString() ?? null,
    chainSeq: chainSeq.toString(),
  };
}

function toCheckpointBreakReport(broken: CheckpointBreak): AuditChainBreakReport {
  return breakReport(broken, describeCheckpointBreak(broken));
}

export function toBreakReport(broken: ChainBreak): AuditChainBreakReport {
  return breakReport(broken, describeChainBreak(broken));
}

/**
 * The first of two breaks in chain order: the chain's links broke at `seq`; a checkpoint's break found
 * on the way (`anchored`) at or before it names the first event that no longer matches what was signed.
 */
export function firstBreakReport(
  anchored: CheckpointBreak | null,
  broken: ChainBreak,
  seq: bigint,
): AuditChainBreakReport {
  const signedFirst = anchored && "eventId" in anchored && anchored.chainSeq <= seq;
  return signedFirst ? toCheckpointBreakReport(anchored) : toBreakReport(broken);
}

/**
 * The report on a chain read to its end with its links whole: its end must match the stored head,
 * and every signed checkpoint must have been reached. A checkpoint's break comes first: what was
 * signed no longer holds.
 */
export async function endOfChainReport(
  client: pg.ClientBase,
  chainKey: string,
  verifier: ReturnType<typeof createChainVerifier>,
  comparer: ReturnType<typeof createCheckpointComparer>,
  anchored: CheckpointBreak | null,
): Promise<AuditChainBreakReport | null> {
  const head = await client.query<{ last_seq: string; last_hash: string }>(
    "SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_key = $1",
    [chainKey],
  );
  const row = head.rows[0];
  const headBreak = verifier.finish(row ? { lastSeq: BigInt(row.last_seq), lastHash: row.last_hash } : null);
  const signedBreak = anchored ?? comparer.finish();
  if (signedBreak) return toCheckpointBreakReport(signedBreak);
  return headBreak ? toBreakReport(headBreak) : null;
}

/**
 * The checkpoints to check against: those in the database and those in the file outside it
 * (which the database's owner cannot rewrite), the same checkpoint once.
 */
async function gatherCheckpoints(
  client: pg.ClientBase,
  file: string | null,
  chainKey?: string,
): Promise<SignedCheckpoint[]> {
  const all = await readStoredCheckpoints(client, chainKey);
  if (file && existsSync(file)) all.push(...parseCheckpointLines(readFileSync(file, "utf8")));
  const seen = new Set<string>();
  return all.filter((checkpoint) => {
    const key = `${checkpoint.chainKey} ${checkpoint.seq} ${checkpoint.signature}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every chain's key: the heads, plus any chain that has events but lost its head. The events'
 * keys come from a skip scan of the (chain_key, chain_seq) index, one probe per chain, so the
 * cost does not grow with the number of events.
 */
async function listChainKeys(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ chain_key: string }>(`
    WITH RECURSIVE event_keys AS (
        (SELECT chain_key FROM audit_event ORDER BY chain_key LIMIT 1)
      UNION ALL
        SELECT (SELECT e.chain_key FROM audit_event e WHERE e.chain_key > k.chain_key ORDER BY e.chain_key LIMIT 1)
          FROM event_keys k
         WHERE k.chain_key IS NOT NULL
    )
    SELECT chain_key FROM event_keys WHERE chain_key IS NOT NULL
    UNION
    SELECT chain_key FROM audit_chain_head
    ORDER BY chain_key`);
  return rows.map((row) => row.chain_key);
}

/** Bytes of COPY output per batch handed to the hasher: a few thousand events. */
const DEFAULT_BATCH_BYTES = 1 << 20;

/**
 * The latest validly signed checkpoint whose position still holds the event it signed: the chain
 * is vouched for up to there, so verification can start after it. Null when there is none.
 */
async function lastGoodCheckpoint(
  client: pg.ClientBase,
  chainKey: string,
  checkpoints: { list: readonly SignedCheckpoint[]; keys: AuditKeys },
): Promise<ChainStart | null> {
  for (const checkpoint of validCheckpointsLatestFirst(chainKey, checkpoints.list, checkpoints.keys.publicKeys)) {
    const { rows } = await client.query<{ id: string; hash: string }>(
      "SELECT id, hash FROM audit_event WHERE chain_key = $1 AND chain_seq = $2",
      [chainKey, checkpoint.seq],
    );
    if (rows.length === 1 && rows[0]!.hash === checkpoint.headHash) {
      return { seq: BigInt(checkpoint.seq), hash: checkpoint.headHash, eventId: BigInt(rows[0]!.id) };
    }
  }
  return null;
}

/**
 * One chain, streamed in chain order with COPY, hashed in batches by the hasher (possibly several
 * batches at once, in other threads), then linked in chain order here, then its head.
 */
async function verifyChain(
  client: pg.ClientBase,
  chainKey: string,
  checkpoints: { list: readonly SignedCheckpoint[]; keys: AuditKeys },
  reading: { hasher: ChainHasher; batchBytes: number; fromCheckpoint: boolean },
): Promise<{ checked: number; broken: AuditChainBreakReport | null; startedAt: ChainStart | null }> {
  const { hasher, batchBytes } = reading;
  const start = reading.fromCheckpoint ? await lastGoodCheckpoint(client, chainKey, checkpoints) : null;
  const verifier = createChainVerifier(chainKey, start ?? undefined);
  // The chain must hold together AND agree with what was signed: a rebuilt chain holds together.
  const comparer = createCheckpointComparer(
    chainKey,
    checkpoints.list,
    checkpoints.keys.publicKeys,
    start ?? undefined,
  );
  // Set inside link(): typed by assertion so that TypeScript does not narrow them to null for good.
  let anchoredBreak = null as CheckpointBreak | null;
  let chainBreak = null as { broken: ChainBreak; seq: bigint } | null;

  const link = (batch: HashedBatch): void => {
    for (let i = 0; i < batch.ids.length && !chainBreak; i += 1) {
      const event = {
        id: BigInt(batch.ids[i]!),
        chainSeq: BigInt(batch.seqs[i]!),
        prevHash: batch.prevHashes[i]!,
        hash: batch.hashes[i]!,
      };
      anchoredBreak ??= comparer.add(event);
      const broken = verifier.addLink(event, batch.recomputed[i]!);
      if (broken) chainBreak = { broken, seq: event.chainSeq };
    }
  };

  // Batches in flight, in chain order; linked as they come back, oldest first.
  const inFlight: Promise<HashedBatch>[] = [];
  const send = (bytes: Uint8Array) => {
    const hashed = hasher.hash(bytes);
    hashed.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    inFlight.push(hashed);
  };
  const stream = client.query(copyTo(auditEventCopySql(client.escapeLiteral(chainKey), start?.seq)));
  let parts: Buffer[] = [];
  let size = 0;
  let failure: unknown = null;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    // After the first break (or a failure) the rest is read and dropped: COPY cannot stop half way.
    if (chainBreak || failure) continue;
    parts.push(chunk);
    size += chunk.length;
    if (size < batchBytes) continue;
    const bytes = Buffer.concat(parts, size);
    const cut = bytes.lastIndexOf(10) + 1;
    const rest = Buffer.from(bytes.subarray(cut));
    parts = rest.length ? [rest] : [];
    size = rest.length;
    send(new Uint8Array(bytes.buffer, bytes.byteOffset, cut));
    try {
      while (inFlight.length >= hasher.capacity && !chainBreak) link(await inFlight.shift()!);
    } catch (error) {
      failure = error;
    }
  }
  if (failure) throw failure;
  if (size > 0 && !chainBreak) send(Buffer.concat(parts, size));
  while (inFlight.length > 0 && !chainBreak) link(await inFlight.shift()!);
  await Promise.allSettled(inFlight);

  const done = (broken: AuditChainBreakReport | null) => ({ checked: verifier.checked, broken, startedAt: start });
  if (chainBreak) return done(firstBreakReport(anchoredBreak, chainBreak.broken, chainBreak.seq));
  return done(await endOfChainReport(client, chainKey, verifier, comparer, anchoredBreak));
}

/**
 * Recomputes every audit chain (or one) and reports the first broken link of each. Read-only,
 * on its own connection, in one REPEATABLE READ snapshot: events appended while it runs are not
 * seen, and each head is compared with the chain as it stood at the same instant. Constant memory
 * whatever the number of events.
 */
export async function verifyAuditChains(
  databaseUrl: string,
  options: VerifyAuditChainsOptions = {},
): Promise<AuditVerification> {
  const started = performance.now();
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  if (!Number.isInteger(batchBytes) || batchBytes < 1) throw new Error("batchBytes must be a positive integer");
  const reading = { hasher: options.hasher ?? inThreadHasher, batchBytes, fromCheckpoint: !!options.fromCheckpoint };
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "infoshare-audit-verify" });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const keys = options.keys ?? loadAuditKeys();
    const file = options.checkpointFile === undefined ? checkpointFilePath() : options.checkpointFile;
    const list = await gatherCheckpoints(client, file, options.chainKey);
    // A chain removed whole (events and head) is still named by its checkpoints.
    const chainKeys =
      options.chainKey === undefined
        ? [...new Set([...(await listChainKeys(client)), ...list.map((checkpoint) => checkpoint.chainKey)])].sort()
        : [options.chainKey];
    let eventsChecked = 0;
    const breaks: AuditChainBreakReport[] = [];
    const startedFromCheckpoints: AuditVerification["startedFromCheckpoints"] = [];
    for (const chainKey of chainKeys) {
      const { checked, broken, startedAt } = await verifyChain(client, chainKey, { list, keys }, reading);
      eventsChecked += checked;
      if (broken) breaks.push(broken);
      if (startedAt) startedFromCheckpoints.push({ chainKey, seq: startedAt.seq.toString() });
    }
    await client.query("COMMIT");
    const seconds = (performance.now() - started) / 1000;
    return { chains: chainKeys.length, eventsChecked, seconds, breaks, startedFromCheckpoints };
  } finally {
    await client.end();
  }
}
