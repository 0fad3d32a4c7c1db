import "server-only";
import { type AuditEventInput, GENESIS_HASH, chainEvent, chainKeyFor } from "@/domain/audit";
import { type Db, type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

/**
 * Appends one event to its organisation's chain inside the caller's transaction, so the event
 * commits or rolls back with the change it describes. Locking the chain head row serialises
 * writers per organisation: concurrent appends queue rather than fork the chain. The lock is held
 * from the SELECT … FOR UPDATE to the caller's commit, so the work under it is kept to one more
 * statement (the event's INSERT and the head's move together).
 */
export async function appendAuditEvent(tx: Tx, input: AuditEventInput): Promise<{ id: bigint; hash: string }> {
  const chainKey = chainKeyFor(input.organisationId);
  const lockHead = () =>
    tx.$queryRaw<{ last_seq: bigint; last_hash: string }[]>`
      SELECT last_seq, last_hash FROM audit_chain_head WHERE chain_key = ${chainKey} FOR UPDATE`;
  let heads = await lockHead();
  if (heads.length === 0) {
    // The chain's first event: create its head (another writer may be doing the same), then lock it.
    await createChainHead(tx, input.organisationId);
    heads = await lockHead();
  }
  const head = heads[0];
  if (!head) throw new Error(`audit chain head ${chainKey} vanished`);

  const event = chainEvent(input, { lastSeq: head.last_seq, lastHash: head.last_hash }, new Date());
  // The time goes in as ISO 8601 with its "Z", so it is stored right whatever the session's TimeZone.
  const inserted = await tx.$queryRaw<{ id: bigint }[]>`
    WITH event AS (
      INSERT INTO audit_event (chain_key, chain_seq, at, actor_id, actor_role, organisation_id, action, object_type,
                               object_id, case_reference, request_id, ip, outcome, detail, prev_hash, hash)
      VALUES (${event.chainKey}, ${event.chainSeq}, ${event.at.toISOString()}::timestamptz, ${event.actorId}::uuid, ${event.actorRole}::"Role",
              ${event.organisationId}::uuid, ${event.action}, ${event.objectType}, ${event.objectId}, ${event.caseReference},
              ${event.requestId}, ${event.ip}, ${event.outcome}::"AuditOutcome", ${JSON.stringify(event.detail)}::jsonb,
              ${event.prevHash}, ${event.hash})
      RETURNING id
    ), head AS (
      UPDATE audit_chain_head SET last_seq = ${event.chainSeq}, last_hash = ${event.hash} WHERE chain_key = ${chainKey}
    )
    SELECT id FROM event`;
  const created = inserted[0];
  if (!created) throw new Error(`audit event for chain ${chainKey} was not inserted`);
  return { id: created.id, hash: event.hash };
}

/** Creates an organisation's chain head at the genesis hash, unless it has one already. */
export async function createChainHead(tx: Tx | Db, organisationId: string | null): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO audit_chain_head (chain_key, last_seq, last_hash)
    VALUES (${chainKeyFor(organisationId)}, 0, ${GENESIS_HASH})
    ON CONFLICT (chain_key) DO NOTHING`;
}

/** For events that stand alone (sign-in, denied access): its own short transaction. */
export async function recordAuditEvent(input: AuditEventInput): Promise<void> {
  await db().$transaction((tx) => appendAuditEvent(tx, input));
}

/** An audit event done by a signed-in user in a request: who, from where, and what. */
export function auditEntry(
  actor: { userId: string; role: string; organisationId: string },
  meta: RequestMeta,
  event: Pick<AuditEventInput, "action" | "outcome"> & Partial<Pick<AuditEventInput, "objectType" | "objectId" | "caseReference" | "detail">>,
): AuditEventInput {
  return {
    actorId: actor.userId,
    actorRole: actor.role,
    organisationId: actor.organisationId,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId ?? null,
    caseReference: event.caseReference ?? null,
    requestId: meta.requestId,
    ip: meta.ip,
    outcome: event.outcome,
    detail: event.detail ?? {},
  };
}
