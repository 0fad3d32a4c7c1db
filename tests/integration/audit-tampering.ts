// Shared by the audit chain tests: a throwaway signing key, reading a chain as stored, and the
// database owner's rebuild of a chain (issue 12) that only the signed checkpoints can notice.
import { generateKeyPairSync } from "node:crypto";
import type pg from "pg";
import { expect } from "vitest";
import { type ChainedAuditEvent, hashAuditEvent } from "@/domain/audit";
import { keyIdOf } from "@/domain/audit/checkpoint";
import type { AuditKeys } from "@/server/audit/signing-keys";
import { withSuperuser } from "./support";

/** A fresh Ed25519 key pair as the checkpoint writer and verifier take it, and its public half. */
export function throwawayAuditKeys() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const keys: AuditKeys = {
    signing: { keyId: keyIdOf(publicKey), privateKey },
    publicKeys: new Map([[keyIdOf(publicKey), publicKey]]),
  };
  return { keys, publicKey };
}

export type StoredEvent = ChainedAuditEvent & { id: bigint };

/** A chain's events as stored, in chain_seq order. */
export async function readChain(client: pg.ClientBase, chainKey: string): Promise<StoredEvent[]> {
  const { rows } = await client.query<Omit<StoredEvent, "id" | "chainSeq"> & { id: string; chainSeq: string }>(
    `SELECT id::text, chain_key AS "chainKey", chain_seq::text AS "chainSeq", at, actor_id::text AS "actorId",
            actor_role::text AS "actorRole", organisation_id::text AS "organisationId", action,
            object_type AS "objectType", object_id AS "objectId", case_reference AS "caseReference",
            request_id AS "requestId", ip, outcome::text AS outcome, detail, prev_hash AS "prevHash", hash
       FROM audit_event WHERE chain_key = $1 ORDER BY chain_seq`,
    [chainKey],
  );
  return rows.map((row) => ({ ...row, id: BigInt(row.id), chainSeq: BigInt(row.chainSeq) }));
}

/**
 * The rebuild of issue 12: as the owner, with the triggers off, delete events and recompute every
 * later position and hash, and the chain head, so the chain holds together again.
 */
export async function ownerRebuild(chainKey: string, removeSeqs: bigint[]): Promise<void> {
  await withSuperuser(async (client) => {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica"); // the owner switches the triggers off
    const removed = await client.query(
      "DELETE FROM audit_event WHERE chain_key = $1 AND chain_seq = ANY($2::bigint[])",
      [chainKey, removeSeqs.map(String)],
    );
    expect(removed.rowCount).toBe(removeSeqs.length);
    // Out of the way of the unique (chain_key, chain_seq) while renumbering: the kept events are then
    // in their old order from the most negative.
    await client.query("UPDATE audit_event SET chain_seq = -chain_seq WHERE chain_key = $1", [chainKey]);
    let prevHash = "0".repeat(64);
    let seq = 0n;
    for (const event of (await readChain(client, chainKey)).reverse()) {
      seq += 1n;
      const hash = hashAuditEvent({ ...event, chainSeq: seq, prevHash });
      await client.query("UPDATE audit_event SET chain_seq = $2, prev_hash = $3, hash = $4 WHERE id = $1", [
        event.id.toString(),
        seq.toString(),
        prevHash,
        hash,
      ]);
      prevHash = hash;
    }
    await client.query("UPDATE audit_chain_head SET last_seq = $2, last_hash = $3 WHERE chain_key = $1", [
      chainKey,
      seq.toString(),
      prevHash,
    ]);
    await client.query("COMMIT");
  });
}
