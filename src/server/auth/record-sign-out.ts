import "server-only";
import type { Actor } from "@/domain/policy";
import { recordAuditEvent } from "../audit/append-audit-event";
import type { RequestMeta } from "@/server/infra/request-context";

export type SignOutCause = "user" | "timeout" | "revoked";

export async function recordSignOut(actor: Actor, cause: SignOutCause, meta: RequestMeta): Promise<void> {
  await recordAuditEvent({
    actorId: actor.userId,
    actorRole: actor.role,
    organisationId: actor.organisationId,
    action: "auth.sign-out",
    objectType: "user",
    objectId: actor.userId,
    caseReference: null,
    requestId: meta.requestId,
    ip: meta.ip,
    outcome: "SUCCESS",
    detail: { cause },
  });
}
