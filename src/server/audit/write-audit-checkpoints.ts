import "server-only";
import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";
import { type SignedCheckpoint, checkpointLine, signCheckpoint } from "@/domain/audit/checkpoint";
import { type AuditKeys, checkpointFilePath, loadAuditKeys } from "./signing-keys";

export interface WriteCheckpointsOptions {
  keys?: AuditKeys;
  /** The append-only file outside the database; AUDIT_CHECKPOINT_FILE when absent. */
  file?: string | null;
  /** Only this chain. */
  chainKey?: string;
}

/**
 * Signs a checkpoint for every chain that has events since its last one (decision 014): the
 * chain's position and head hash, and the hashes of the events since. Appends it to the file
 * outside the database first, then stores it; with several app instances the unique
 * (chain_key, seq) lets one store it, and a second signature of the same head in the file is
 * harmless (both vouch for the same hash). Returns the checkpoints this call stored.
 */
export async function writeAuditCheckpoints(
  databaseUrl: string,
  options: WriteCheckpointsOptions = {},
): Promise<SignedCheckpoint[]> {
  const keys = options.keys ?? loadAuditKeys();
  if (!keys.signing) return [];
  const file = options.file === undefined ? checkpointFilePath() : options.file;
  // Bounded, so a database that is down or restarting makes this call fail (to be retried), not hang.
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: "infoshare-audit-checkpoint",
    connectionTimeoutMillis: 5_000,
    query_timeout: 30_000,
  });
  await client.connect();
  const stored: SignedCheckpoint[] = [];
  try {
    const { rows: due } = await client.query<{ chain_key: string; last_seq: string; checkpointed: string }>(
      `SELECT h.chain_key, h.last_seq::text,
              coalesce((SELECT max(c.seq) FROM audit_checkpoint c WHERE c.chain_key = h.chain_key), 0)::text
                AS checkpointed
         FROM audit_chain_head h
        WHERE ($1::text IS NULL OR h.chain_key = $1)`,
      [options.chainKey ?? null],
    );
    for (const chain of due) {
      if (BigInt(chain.last_seq) <= BigInt(chain.checkpointed)) continue;
      const fromSeq = BigInt(chain.checkpointed) + 1n;
      // One snapshot: the head and the events leading to it, as they stood together.
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      let head: { last_seq: string; last_hash: string } | undefined;
      let hashes: string[];
      try {
        head = (
          await client.query<{ last_seq: string; last_hash: string }>(
            "SELECT last_seq::text, last_hash FROM audit_chain_head WHERE chain_key = $1",
            [chain.chain_key],
          )
        ).rows[0];
        const events = await client.query<{ hash: string }>(
          "SELECT hash FROM audit_event WHERE chain_key = $1 AND chain_seq >= $2 AND chain_seq <= $3 " +
            "ORDER BY chain_seq",
          [chain.chain_key, fromSeq.toString(), head?.last_seq ?? "0"],
        );
        hashes = events.rows.map((row) => row.hash);
      } finally {
        await client.query("COMMIT");
      }
      if (!head) continue;
      const seq = BigInt(head.last_seq);
      // A chain whose events do not add up to its head is broken already; verification reports it,
      // and signing its state would vouch for it.
      if (BigInt(hashes.length) !== seq - fromSeq + 1n || hashes.at(-1) !== head.last_hash) continue;
      const checkpoint = signCheckpoint(
        { chainKey: chain.chain_key, seq, headHash: head.last_hash, fromSeq, eventHashes: hashes, at: new Date() },
        keys.signing.privateKey,
      );
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        appendFileSync(file, checkpointLine(checkpoint), { flag: "a" });
      }
      const inserted = await client.query(
        `INSERT INTO audit_checkpoint
           (chain_key, seq, from_seq, head_hash, event_hashes_digest, event_hashes, at, key_id, signature)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (chain_key, seq) DO NOTHING`,
        [
          checkpoint.chainKey,
          checkpoint.seq,
          checkpoint.fromSeq,
          checkpoint.headHash,
          checkpoint.eventHashesDigest,
          checkpoint.eventHashes,
          checkpoint.at,
          checkpoint.keyId,
          checkpoint.signature,
        ],
      );
      if (inserted.rowCount === 1) stored.push(checkpoint);
    }
  } finally {
    await client.end();
  }
  return stored;
}

/** Every checkpoint in the database for a chain (or all), oldest first, as signed. */
export async function readStoredCheckpoints(client: pg.ClientBase, chainKey?: string): Promise<SignedCheckpoint[]> {
  const { rows } = await client.query<{
    chain_key: string;
    seq: string;
    from_seq: string;
    head_hash: string;
    event_hashes_digest: string;
    event_hashes: string[];
    at: Date;
    key_id: string;
    signature: string;
  }>(
    `SELECT chain_key, seq::text, from_seq::text, head_hash, event_hashes_digest, event_hashes, at, key_id, signature
       FROM audit_checkpoint WHERE ($1::text IS NULL OR chain_key = $1) ORDER BY chain_key, seq`,
    [chainKey ?? null],
  );
  return rows.map((row) => ({
    v: 1,
    chainKey: row.chain_key,
    seq: row.seq,
    headHash: row.head_hash,
    fromSeq: row.from_seq,
    eventHashesDigest: row.event_hashes_digest,
    eventHashes: row.event_hashes,
    at: row.at.toISOString(),
    keyId: row.key_id,
    signature: row.signature,
  }));
}
