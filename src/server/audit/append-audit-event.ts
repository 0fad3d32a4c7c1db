import "server-only";
import { type AuditEventInput, GENESIS_HASH, chainEvent, chainKeyFor } from "@/domain/audit";
import type { Prisma } from "@/generated/prisma/client";
import { type Tx, db } from "../db";

/**
 * Appends one event to its organisation's chain inside the caller's transaction, so the event
 * commits or rolls back with the change it describes. Locking the chain head row serialises
 * writers per organisation: concurrent appends queue rather than fork the chain.
 */
export async function appendAuditEvent(tx: Tx, input: AuditEventInput): Promise<{ id: bigint; hash: string }> {
  const chainKey = chainKeyFor(input.organisationId);
  await tx.$executeRaw`
    INSERT INTO audit_chain_head (chain_key, last_seq, last_hash)
    VALUES (${chainKey}, 0, ${GENESIS_HASH})
    ON CONFLICT (chain_key) DO NOTHING`;
  const heads = await tx.$queryRaw<{ last_seq: bigint; last_hash: string }[]>`
    SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_key = ${chainKey} FOR UPDATE`;
  const head = heads[0];
  if (!head) throw new Error(`audit chain head ${chainKey} vanished`);

  const event = chainEvent(input, { lastSeq: head.last_seq, lastHash: head.last_hash }, new Date());
  const created = await tx.auditEvent.create({
    data: {
      chainKey: event.chainKey,
      chainSeq: event.chainSeq,
      at: event.at,
      actorId: event.actorId,
      actorRole: event.actorRole as Prisma.AuditEventCreateInput["actorRole"],
      organisationId: event.organisationId,
      action: event.action,
      objectType: event.objectType,
      objectId: event.objectId,
      caseReference: event.caseReference,
      requestId: event.requestId,
      ip: event.ip,
      outcome: event.outcome,
      detail: event.detail,
      prevHash: event.prevHash,
      hash: event.hash,
    },
    select: { id: true },
  });
  await tx.$executeRaw`
    UPDATE audit_chain_head SET last_seq = ${event.chainSeq}, last_hash = ${event.hash} WHERE chain_key = ${chainKey}`;
  return { id: created.id, hash: event.hash };
}

/** For events that stand alone (sign-in, denied access): its own short transaction. */
export async function recordAuditEvent(input: AuditEventInput): Promise<void> {
  await db().$transaction((tx) => appendAuditEvent(tx, input));
}
