import "server-only";
import { type AuditEventInput, chainEventTemplate, chainKeyFor, wellFormedAuditInput } from "@/domain/audit";
import { Prisma } from "@/generated/prisma/client";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { logger } from "@/server/infra/logger";

/**
 * The one audit append (decision 012): the database function append_audit_event locks the
 * organisation's chain head, chains the event after it, inserts it and moves the head, in the
 * caller's transaction, so the event commits or rolls back with the change it describes and
 * concurrent writers of one chain queue rather than fork it. The domain gives the event's
 * canonical serialisation with its chain position left open (chainEventTemplate); the database
 * fills in the head it locked and takes the SHA-256, which is exactly the domain's hash.
 * recordDecision appends through the same function (inside record_decision).
 */
export async function appendAuditEvent(tx: Tx, posted: AuditEventInput): Promise<{ id: bigint; hash: string }> {
  const input = wellFormedAuditInput(posted);
  const rows = await tx.$queryRaw<{ id: bigint; hash: string }[]>(appendStatement(input, new Date()));
  const created = rows[0];
  if (!created) throw new Error(`audit event for chain ${chainKeyFor(input.organisationId)} was not inserted`);
  logAuditEvent(input, created.id);
  return created;
}

/**
 * Many events in one statement, one round trip, appended in the order given: for a job that writes
 * many in one transaction (the request timers, issue 14). The same function appends each.
 */
/**
 * `items` in the one order every writer of several chains in a transaction takes their heads: by chain key,
 * stable within a chain (its events keep their order). Each append locks its chain's head until commit, so
 * two writers taking two heads in opposite orders deadlock; in one order, the second waits instead.
 */
export function inChainLockOrder<T>(items: readonly T[], organisationOf: (item: T) => string | null): T[] {
  const key = (item: T) => chainKeyFor(organisationOf(item));
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function appendAuditEvents(tx: Tx, posted: readonly AuditEventInput[]): Promise<void> {
  if (posted.length === 0) return;
  const inputs = inChainLockOrder(posted, (event) => event.organisationId).map(wellFormedAuditInput);
  const at = new Date();
  // UNION ALL runs its branches one after the other, in order (append_audit_event is parallel unsafe).
  const rows = await tx.$queryRaw<{ id: bigint; hash: string }[]>(
    Prisma.join(
      inputs.map((input) => Prisma.sql`(${appendStatement(input, at)})`),
      " UNION ALL ",
    ),
  );
  if (rows.length !== inputs.length) throw new Error(`${rows.length} of ${inputs.length} audit events were inserted`);
  inputs.forEach((input, n) => logAuditEvent(input, rows[n]!.id));
}

function appendStatement(input: AuditEventInput, at: Date): Prisma.Sql {
  return Prisma.sql`SELECT id, hash FROM append_audit_event(${auditEventArguments(input, at)})`;
}

/**
 * One log line per audit event, joined to the request by its id (decision 013). Only what is not
 * personal: the action, its outcome and the kind of object; never the object, case or detail. It
 * is written as the event is appended: the caller's transaction may still roll back.
 */
export function logAuditEvent(input: AuditEventInput, eventId: bigint | null): void {
  logger().info(
    { requestId: input.requestId, action: input.action, outcome: input.outcome, objectType: input.objectType, eventId },
    "audit event appended",
  );
}

/**
 * The arguments of append_audit_event, in its order. The time goes in as ISO 8601 with its "Z",
 * so it is stored right whatever the session's TimeZone.
 */
function auditEventArguments(input: AuditEventInput, at: Date) {
  const template = chainEventTemplate(input, at);
  return Prisma.join([
    Prisma.sql`${input.organisationId}::uuid`,
    Prisma.sql`${at.toISOString()}::timestamptz`,
    Prisma.sql`${input.actorId}::uuid`,
    Prisma.sql`${input.actorRole}::"Role"`,
    input.action,
    input.objectType,
    input.objectId,
    input.caseReference,
    input.requestId,
    input.ip,
    Prisma.sql`${input.outcome}::"AuditOutcome"`,
    Prisma.sql`${JSON.stringify(input.detail)}::jsonb`,
    template.before,
    template.between,
    template.after,
  ]);
}

/** For events that stand alone (sign-in, denied access): its own short transaction. */
export async function recordAuditEvent(input: AuditEventInput): Promise<void> {
  // One statement is its own transaction: no interactive transaction whose 5 s limit a queue of
  // writers on one chain (parallel sign-in attempts, say) could run past while waiting for the head.
  await appendAuditEvent(db(), input);
}

/** A user row as the actor of an audit event (a person acting on their own account, not signed in yet). */
export function actorOf(user: { id: string; role: string; organisationId: string }) {
  return { userId: user.id, role: user.role, organisationId: user.organisationId };
}

/** An audit event done by a signed-in user in a request: who, from where, and what. */
export function auditEntry(
  actor: { userId: string; role: string; organisationId: string },
  meta: RequestMeta,
  event: Pick<AuditEventInput, "action" | "outcome"> &
    Partial<Pick<AuditEventInput, "objectType" | "objectId" | "caseReference" | "detail">>,
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

/** A signed-in user's successful action on a decision: the event names the decision and its case. */
export function decisionAuditEntry(
  actor: { userId: string; role: string; organisationId: string },
  meta: RequestMeta,
  action: string,
  decision: { reference: string; caseReference: string },
  detail?: AuditEventInput["detail"],
): AuditEventInput {
  return auditEntry(actor, meta, {
    action,
    outcome: "SUCCESS",
    objectType: "decision",
    objectId: decision.reference,
    caseReference: decision.caseReference,
    detail,
  });
}
