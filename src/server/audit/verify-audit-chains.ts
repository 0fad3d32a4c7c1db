import "server-only";
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import {
  type CheckpointBreak,
  type SignedCheckpoint,
  createCheckpointComparer,
  describeCheckpointBreak,
  parseCheckpointLines,
} from "@/domain/audit/checkpoint";
import { type AuditKeys, checkpointFilePath, loadAuditKeys } from "./signing-keys";
import { readStoredCheckpoints } from "./write-audit-checkpoints";
import {
  type AuditOutcome,
  type ChainBreak,
  type ChainedAuditEvent,
  type JsonValue,
  createChainVerifier,
  describeChainBreak,
} from "@/domain/audit";

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
}

export interface VerifyAuditChainsOptions {
  /** Only this chain (an organisation id, or "system"); every chain when absent. */
  chainKey?: string;
  /** Rows per FETCH. Memory use is proportional to this (two batches), not to a chain's length. */
  batchSize?: number;
  /** Keys that may have signed checkpoints; the configured ones (signing-keys.ts) when absent. */
  keys?: AuditKeys;
  /** The checkpoint file outside the database; AUDIT_CHECKPOINT_FILE when absent, none when null. */
  checkpointFile?: string | null;
}

/** A break as reported: where it is, as strings (bigints do not go into JSON), and what it means. */
function breakReport(
  broken: ChainBreak | CheckpointBreak,
  message: string,
  eventId: bigint | null | undefined,
  chainSeq: bigint,
): AuditChainBreakReport {
  const at = { eventId: eventId?.toString() ?? null, chainSeq: chainSeq.toString() };
  return { chainKey: broken.chainKey, kind: broken.kind, message, ...at };
}

export function toCheckpointBreakReport(broken: CheckpointBreak): AuditChainBreakReport {
  const message = describeCheckpointBreak(broken);
  switch (broken.kind) {
    case "checkpoint-mismatch":
      return breakReport(broken, message, broken.eventId, broken.chainSeq);
    case "checkpoint-beyond-end":
      return breakReport(broken, message, broken.lastEventId, broken.lastSeq);
    case "checkpoint-invalid":
      return breakReport(broken, message, null, broken.checkpointSeq);
  }
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

const DEFAULT_BATCH_SIZE = 2_000;

export function toBreakReport(broken: ChainBreak): AuditChainBreakReport {
  const message = describeChainBreak(broken);
  switch (broken.kind) {
    case "gap":
      return breakReport(broken, message, broken.eventId, broken.foundSeq);
    case "prev-hash-mismatch":
    case "hash-mismatch":
      return breakReport(broken, message, broken.eventId, broken.chainSeq);
    case "head-mismatch":
    case "head-missing":
      return breakReport(broken, message, broken.lastEventId, broken.lastSeq);
  }
}

/** An audit_event row as node-postgres returns it: bigint columns arrive as strings. */
interface EventRow {
  id: string;
  chain_key: string;
  chain_seq: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  organisation_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  case_reference: string | null;
  request_id: string | null;
  ip: string | null;
  outcome: AuditOutcome;
  detail: { [key: string]: JsonValue };
  prev_hash: string;
  hash: string;
}

function toChained(row: EventRow): ChainedAuditEvent & { id: bigint } {
  return {
    id: BigInt(row.id),
    chainKey: row.chain_key,
    chainSeq: BigInt(row.chain_seq),
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    organisationId: row.organisation_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    caseReference: row.case_reference,
    requestId: row.request_id,
    ip: row.ip,
    outcome: row.outcome,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
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

/** One chain, streamed in chain order through a server-side cursor, then its head. */
async function verifyChain(
  client: pg.ClientBase,
  chainKey: string,
  batchSize: number,
  checkpoints: { list: readonly SignedCheckpoint[]; keys: AuditKeys },
): Promise<{ checked: number; broken: AuditChainBreakReport | null }> {
  const verifier = createChainVerifier(chainKey);
  // The chain must hold together AND agree with what was signed: a rebuilt chain holds together.
  const comparer = createCheckpointComparer(chainKey, checkpoints.list, checkpoints.keys.publicKeys);
  let anchoredBreak: CheckpointBreak | null = null;
  await client.query(
    `DECLARE audit_chain NO SCROLL CURSOR FOR
       SELECT id, chain_key, chain_seq, at, actor_id, actor_role::text AS actor_role,
              organisation_id::text AS organisation_id, action, object_type, object_id, case_reference,
              request_id, ip, outcome::text AS outcome, detail, prev_hash, hash
         FROM audit_event WHERE chain_key = $1 ORDER BY chain_seq`,
    [chainKey],
  );
  const fetchBatch = (): Promise<pg.QueryResult<EventRow>> =>
    client.query<EventRow>(`FETCH ${batchSize} FROM audit_chain`);
  try {
    // The next batch is requested before this one is hashed, so the database and the hashing overlap.
    let pending: Promise<pg.QueryResult<EventRow>> | null = fetchBatch();
    while (pending) {
      const rows: EventRow[] = (await pending).rows;
      pending = rows.length === batchSize ? fetchBatch() : null;
      for (const row of rows) {
        const event = toChained(row);
        anchoredBreak ??= comparer.add(event);
        const broken = verifier.add(event);
        if (broken) {
          await pending; // let the queued FETCH finish before the cursor is closed
          // Whichever came first in the chain names the first event that no longer matches.
          const first = anchoredBreak && "eventId" in anchoredBreak && anchoredBreak.chainSeq <= event.chainSeq;
          return {
            checked: verifier.checked,
            broken: first ? toCheckpointBreakReport(anchoredBreak!) : toBreakReport(broken),
          };
        }
      }
    }
  } finally {
    // After a failed query the transaction is aborted and CLOSE would fail too, hiding the cause.
    await client.query("CLOSE audit_chain").catch(() => undefined);
  }
  const head = await client.query<{ last_seq: string; last_hash: string }>(
    "SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_key = $1",
    [chainKey],
  );
  const row = head.rows[0];
  const chainBreak = verifier.finish(row ? { lastSeq: BigInt(row.last_seq), lastHash: row.last_hash } : null);
  anchoredBreak ??= comparer.finish();
  if (anchoredBreak) return { checked: verifier.checked, broken: toCheckpointBreakReport(anchoredBreak) };
  return { checked: verifier.checked, broken: chainBreak ? toBreakReport(chainBreak) : null };
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
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("batchSize must be a positive integer");
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
    for (const chainKey of chainKeys) {
      const { checked, broken } = await verifyChain(client, chainKey, batchSize, { list, keys });
      eventsChecked += checked;
      if (broken) breaks.push(broken);
    }
    await client.query("COMMIT");
    return { chains: chainKeys.length, eventsChecked, seconds: (performance.now() - started) / 1000, breaks };
  } finally {
    await client.end();
  }
}
