import "server-only";
import { type RecordAction, can } from "@/domain/policy";
import type { SignedInUser } from "../auth/current-actor";
import { recordAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { normaliseDecisionReference } from "./reference";

export interface DecisionForAction {
  id: string;
  reference: string;
  organisationId: string;
  teamId: string | null;
  authorId: string;
  caseReference: string;
  outcome: "SHARE" | "SHARE_PART" | "NO_SHARE";
}

export type LoadForActionResult = { ok: true; decision: DecisionForAction } | { ok: false; status: 403 | 404 };

/**
 * The decision a state-changing action is about, if the policy allows this user that action on
 * it. Another organisation's decision is "not found"; a refusal is audited.
 */
export async function loadDecisionForAction(
  user: SignedInUser,
  rawReference: string,
  action: RecordAction,
  meta: RequestMeta,
): Promise<LoadForActionResult> {
  const reference = normaliseDecisionReference(rawReference);
  if (!reference) return { ok: false, status: 404 };
  const decision = await db().decision.findFirst({
    where: { reference, organisationId: user.organisationId },
    select: { id: true, reference: true, organisationId: true, teamId: true, authorId: true, caseReference: true, outcome: true },
  });
  if (!decision) return { ok: false, status: 404 };
  if (!can(user, action, decision)) {
    await recordAuditEvent(auditEntry(user, meta, { action: "access.denied", objectType: "decision", objectId: decision.reference, outcome: "DENIED", detail: { attempted: action } }));
    return { ok: false, status: 403 };
  }
  return { ok: true, decision };
}
