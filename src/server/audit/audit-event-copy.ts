// The audit events of one chain as PostgreSQL's COPY text format streams them, and their hashes.
// audit:verify reads a chain with COPY ... TO STDOUT (one request, rows as raw bytes, no per-row
// protocol work in Node) and hashes batches of whole lines, in worker threads when it has them
// (chain-hash-worker.mjs) or in the calling thread. No "server-only" here: a worker thread loads it.
import { type AuditOutcome, canonicalEventJsonWithDetail, hashCanonicalEventJson } from "../../domain/audit";
import { canonicalJsonOfJsonbText } from "../../domain/audit/canonical-jsonb";

/** The COPY statement for one chain (after a position, when starting from a checkpoint), in chain order. */
export function auditEventCopySql(quotedChainKey: string, afterSeq: bigint = 0n): string {
  // `at` as whole milliseconds since the epoch (the column keeps milliseconds): no time zone or
  // DateStyle of the session can change how it reads.
  return `COPY (
    SELECT id, chain_key, chain_seq, round(extract(epoch FROM at) * 1000)::bigint, actor_id, actor_role::text,
           organisation_id::text, action, object_type, object_id, case_reference, request_id, ip, outcome::text,
           detail, prev_hash, hash
      FROM audit_event
     WHERE chain_key = ${quotedChainKey} AND chain_seq > ${afterSeq.toString()}
     ORDER BY chain_seq
  ) TO STDOUT`;
}

const COLUMNS = 17;

/** One batch's events, column by column, and each event's content hashed again. */
export interface HashedBatch {
  ids: string[];
  seqs: string[];
  prevHashes: string[];
  hashes: string[];
  /** SHA-256 of each event's content as it is now: equal to hashes[i] when the event is unaltered. */
  recomputed: string[];
}

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** A COPY text field: "\N" is NULL; backslash escapes as PostgreSQL writes them (and octal, hex). */
export function copyTextField(raw: string): string | null {
  if (raw === "\\N") return null;
  if (!raw.includes("\\")) return raw;
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, code: string) => {
    if (code[0] === "x" && code.length > 1) return String.fromCharCode(parseInt(code.slice(1), 16));
    if (/^[0-7]+$/.test(code)) return String.fromCharCode(parseInt(code, 8));
    return ESCAPES[code] ?? code;
  });
}

function required(value: string | null, column: string): string {
  if (value === null) throw new Error(`audit_event.${column} is NULL in a COPY row`);
  return value;
}

/** Hashes every event of a batch of complete COPY lines (UTF-8, each ending in "\n"). */
export function hashCopyBatch(bytes: Uint8Array): HashedBatch {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  const batch: HashedBatch = { ids: [], seqs: [], prevHashes: [], hashes: [], recomputed: [] };
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; start = end + 1, end = text.indexOf("\n", start)) {
    const fields = text.slice(start, end).split("\t").map(copyTextField);
    if (fields.length !== COLUMNS) throw new Error(`a COPY row has ${fields.length} columns, not ${COLUMNS}`);
    const [id, chainKey, seq, atMs, actorId, actorRole, organisationId, action, objectType, objectId] = fields;
    const [caseReference, requestId, ip, outcome, detail, prevHash, hash] = fields.slice(10);
    const chainSeq = required(seq ?? null, "chain_seq");
    // The detail's canonical form straight from its jsonb text: the hash is the chain's definition,
    // canonicalEventJson of the event as it is now (canonical-jsonb.ts says when it skips JSON.parse).
    const detailJson = canonicalJsonOfJsonbText(required(detail ?? null, "detail"));
    const content = {
      chainKey: required(chainKey ?? null, "chain_key"),
      chainSeq: BigInt(chainSeq),
      at: new Date(Number(required(atMs ?? null, "at"))),
      actorId: actorId ?? null,
      actorRole: actorRole ?? null,
      organisationId: organisationId ?? null,
      action: required(action ?? null, "action"),
      objectType: objectType ?? null,
      objectId: objectId ?? null,
      caseReference: caseReference ?? null,
      requestId: requestId ?? null,
      ip: ip ?? null,
      outcome: required(outcome ?? null, "outcome") as AuditOutcome,
      prevHash: required(prevHash ?? null, "prev_hash"),
    };
    const recomputed = hashCanonicalEventJson(canonicalEventJsonWithDetail(content, detailJson));
    batch.ids.push(required(id ?? null, "id"));
    batch.seqs.push(chainSeq);
    batch.prevHashes.push(required(prevHash ?? null, "prev_hash"));
    batch.hashes.push(required(hash ?? null, "hash"));
    batch.recomputed.push(recomputed);
  }
  if (start !== text.length) throw new Error("a COPY batch must end with a complete line");
  return batch;
}

export interface ChainHasher {
  /** Hashes a batch of complete COPY lines. The bytes may be handed over to another thread. */
  hash(bytes: Uint8Array): Promise<HashedBatch>;
  /** How many batches may be in flight before the reader waits. */
  readonly capacity: number;
  close(): Promise<void>;
}

export const inThreadHasher: ChainHasher = {
  hash: async (bytes) => hashCopyBatch(bytes),
  capacity: 1,
  close: async () => undefined,
};
