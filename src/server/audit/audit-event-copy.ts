// The audit events of one chain as PostgreSQL's COPY text format streams them, and their hashes.
// audit:verify reads a chain with COPY ... TO STDOUT (one request, rows as raw bytes, no per-row
// protocol work in Node) and hashes batches of whole lines, in worker threads when it has them
// (chain-hash-worker.mjs) or in the calling thread. No "server-only" here: a worker thread loads it.
import { canonicalEventJsonOfLiterals, hashCanonicalEventJson } from "../../domain/audit";
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

/**
 * Characters JSON.stringify would escape in text read from UTF-8 without a backslash escape: the
 * quote and control characters (COPY escapes tab, new line, carriage return, \b, \f and \v itself,
 * and UTF-8 holds no lone surrogates). Tab separates fields and a new line rows, so neither is searched for.
 */
const JSON_UNSAFE = /["\u0000-\u0008\u000b-\u001f]/g;

/**
 * One COPY row of a batch, read in place: where each field starts and ends, and each field as
 * its JSON literal (what canonicalEventJson writes for it). A field without a backslash needs no
 * COPY unescaping and is not NULL; one that holds no quote or control character either is quoted
 * as it is. Only the rest go through copyTextField and JSON.stringify.
 */
class CopyRowReader {
  private text = "";
  private readonly starts = new Int32Array(COLUMNS);
  private readonly ends = new Int32Array(COLUMNS);
  /** The first backslash at or after backslashFrom (-1: none), and the first JSON-unsafe character after unsafeFrom. */
  private backslashFrom = 0;
  private nextBackslash = -1;
  private unsafeFrom = 0;
  private nextUnsafe = Infinity;

  reset(text: string): void {
    this.text = text;
    this.backslashFrom = 0;
    this.nextBackslash = text.indexOf("\\");
    this.unsafeFrom = 0;
    this.nextUnsafe = this.findUnsafe(0);
  }

  /** Reads the row from `start` to `end` (its new line); throws unless it has exactly COLUMNS fields. */
  read(start: number, end: number): void {
    let from = start;
    for (let column = 0; column < COLUMNS - 1; column += 1) {
      const tab = this.text.indexOf("\t", from);
      if (tab === -1 || tab > end) throw new Error(`a COPY row has ${column + 1} columns, not ${COLUMNS}`);
      this.starts[column] = from;
      this.ends[column] = tab;
      from = tab + 1;
    }
    const extra = this.text.indexOf("\t", from);
    if (extra !== -1 && extra < end) {
      const columns = this.text.slice(start, end).split("\t").length;
      throw new Error(`a COPY row has ${columns} columns, not ${COLUMNS}`);
    }
    this.starts[COLUMNS - 1] = from;
    this.ends[COLUMNS - 1] = end;
  }

  private findUnsafe(from: number): number {
    JSON_UNSAFE.lastIndex = from;
    return JSON_UNSAFE.exec(this.text) === null ? Infinity : JSON_UNSAFE.lastIndex - 1;
  }

  // Each search is remembered from where it started, so fields asked for in any order get the right answer.
  private hasBackslash(start: number, end: number): boolean {
    if (start < this.backslashFrom || (this.nextBackslash !== -1 && this.nextBackslash < start)) {
      this.backslashFrom = start;
      this.nextBackslash = this.text.indexOf("\\", start);
    }
    return this.nextBackslash !== -1 && this.nextBackslash < end;
  }

  private hasUnsafe(start: number, end: number): boolean {
    if (start < this.unsafeFrom || this.nextUnsafe < start) {
      this.unsafeFrom = start;
      this.nextUnsafe = this.findUnsafe(start);
    }
    return this.nextUnsafe < end;
  }

  /** The field's text as PostgreSQL stored it (null for NULL). */
  value(column: number): string | null {
    const start = this.starts[column]!;
    const end = this.ends[column]!;
    const raw = this.text.slice(start, end);
    return this.hasBackslash(start, end) ? copyTextField(raw) : raw;
  }

  /** The field as canonicalEventJson writes it: JSON.stringify of its text, or null. */
  literal(column: number): string {
    const start = this.starts[column]!;
    const end = this.ends[column]!;
    if (this.hasBackslash(start, end)) {
      const value = copyTextField(this.text.slice(start, end));
      return value === null ? "null" : JSON.stringify(value);
    }
    const raw = this.text.slice(start, end);
    return this.hasUnsafe(start, end) ? JSON.stringify(raw) : `"${raw}"`;
  }
}

/** The columns of auditEventCopySql, in its order. */
const Column = {
  Id: 0,
  ChainKey: 1,
  ChainSeq: 2,
  AtMs: 3,
  ActorId: 4,
  ActorRole: 5,
  OrganisationId: 6,
  Action: 7,
  ObjectType: 8,
  ObjectId: 9,
  CaseReference: 10,
  RequestId: 11,
  Ip: 12,
  Outcome: 13,
  Detail: 14,
  PrevHash: 15,
  Hash: 16,
} as const;

const reader = new CopyRowReader();

/** Hashes every event of a batch of complete COPY lines (UTF-8, each ending in "\n"). */
export function hashCopyBatch(bytes: Uint8Array): HashedBatch {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  const batch: HashedBatch = { ids: [], seqs: [], prevHashes: [], hashes: [], recomputed: [] };
  reader.reset(text);
  let start = 0;
  for (let end = text.indexOf("\n"); end !== -1; start = end + 1, end = text.indexOf("\n", start)) {
    reader.read(start, end);
    const chainSeq = required(reader.value(Column.ChainSeq), "chain_seq");
    const prevHash = required(reader.value(Column.PrevHash), "prev_hash");
    // The detail's canonical form straight from its jsonb text: the hash is the chain's definition,
    // canonicalEventJson of the event as it is now (canonical-jsonb.ts says when it skips JSON.parse).
    const detailJson = canonicalJsonOfJsonbText(required(reader.value(Column.Detail), "detail"));
    const at = new Date(Number(required(reader.value(Column.AtMs), "at")));
    const json = canonicalEventJsonOfLiterals({
      action: JSON.stringify(required(reader.value(Column.Action), "action")),
      actorId: reader.literal(Column.ActorId),
      actorRole: reader.literal(Column.ActorRole),
      at: `"${at.toISOString()}"`,
      caseReference: reader.literal(Column.CaseReference),
      chainKey: JSON.stringify(required(reader.value(Column.ChainKey), "chain_key")),
      // As BigInt(chain_seq).toString() writes it (a bigint's text already is, but a row is not trusted).
      chainSeq: `"${BigInt(chainSeq).toString()}"`,
      detail: detailJson,
      ip: reader.literal(Column.Ip),
      objectId: reader.literal(Column.ObjectId),
      objectType: reader.literal(Column.ObjectType),
      organisationId: reader.literal(Column.OrganisationId),
      outcome: JSON.stringify(required(reader.value(Column.Outcome), "outcome")),
      prevHash: JSON.stringify(prevHash),
      requestId: reader.literal(Column.RequestId),
    });
    batch.ids.push(required(reader.value(Column.Id), "id"));
    batch.seqs.push(chainSeq);
    batch.prevHashes.push(prevHash);
    batch.hashes.push(required(reader.value(Column.Hash), "hash"));
    batch.recomputed.push(hashCanonicalEventJson(json));
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
