import "server-only";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry, inChainLockOrder } from "../audit/append-audit-event";
import type { Tx } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

interface AuditedRequest {
  id: string;
  reference: string;
  requestingOrganisationId: string;
  respondingOrganisationId: string;
  caseReference: string;
}

/**
 * A request's step in the audit log of each organisation it concerns (issue 14: "audited on both
 * sides"). The actor is whoever did it, whichever organisation they belong to; the case reference
 * is the requesting organisation's, so it goes only into that organisation's log.
 */
export async function auditRequestStep(
  tx: Tx,
  user: SignedInUser,
  meta: RequestMeta,
  request: AuditedRequest,
  action: string,
  sides: readonly ("requesting" | "responding")[],
  detail: Record<string, string> = {},
): Promise<void> {
  const organisationOf = (side: "requesting" | "responding") =>
    side === "requesting" ? request.requestingOrganisationId : request.respondingOrganisationId;
  // One request each way between two organisations deadlocked when the heads were taken in the sides' order.
  for (const side of inChainLockOrder(sides, organisationOf)) {
    const organisationId = organisationOf(side);
    await appendAuditEvent(
      tx,
      auditEntry({ ...user, organisationId }, meta, {
        action,
        objectType: "information-request",
        objectId: request.reference,
        caseReference: side === "requesting" ? request.caseReference : null,
        outcome: "SUCCESS",
        detail: { ...detail, side },
      }),
    );
  }
}

/** One entry in the request's own history (append-only), beside its audit events. */
export async function recordRequestEvent(
  tx: Tx,
  user: SignedInUser,
  requestId: string,
  kind: string,
  detail: Record<string, string> | null = null,
): Promise<void> {
  await tx.informationRequestEvent.create({
    data: {
      requestId,
      kind,
      actorId: user.userId,
      organisationId: user.organisationId,
      ...(detail ? { detail } : {}),
    },
  });
}
