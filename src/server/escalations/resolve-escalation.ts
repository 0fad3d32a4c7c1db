import "server-only";
import { can } from "@/domain/policy";
import { resolveEscalationInputSchema } from "@/domain/review";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry, recordAuditEvent } from "../audit/append-audit-event";
import { db } from "../db";
import { type FieldErrors, fieldErrorsFrom } from "../field-errors";
import { notify } from "../notifications/notify";
import type { RequestMeta } from "../request-context";
import { disputeParties } from "./dispute-parties";

export type ResolveEscalationResult = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409; errors: FieldErrors };

export async function resolveEscalation(user: SignedInUser, raw: unknown, meta: RequestMeta): Promise<ResolveEscalationResult> {
  const parsed = resolveEscalationInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrorsFrom(parsed.error) };
  const escalation = await db().escalation.findFirst({
    where: { id: parsed.data.escalationId, organisationId: user.organisationId },
    include: { decision: { select: { reference: true, authorId: true, caseReference: true } } },
  });
  if (!escalation) return { ok: false, status: 404, errors: [{ field: "form", message: "Escalation not found" }] };
  const parties = await disputeParties([{ ...escalation, decisionAuthorId: escalation.decision.authorId }]);
  const resource = {
    organisationId: escalation.organisationId,
    teamId: escalation.teamId,
    authorId: escalation.raisedById,
    partyIds: parties.get(escalation.id) ?? [],
  };
  if (!can(user, "escalation.resolve", resource)) {
    // Refused attempts are evidence too, a party trying to settle their own dispute above all.
    const party = resource.partyIds.includes(user.userId);
    await recordAuditEvent(
      auditEntry(user, meta, {
        action: "access.denied",
        objectType: "decision",
        objectId: escalation.decision.reference,
        outcome: "DENIED",
        detail: { attempted: "escalation.resolve", escalationId: escalation.id, partyToDispute: party },
      }),
    );
    const message = party ? "You cannot resolve a dispute you are part of" : "You cannot resolve this escalation";
    return { ok: false, status: 403, errors: [{ field: "form", message }] };
  }

  return db().$transaction(async (tx) => {
    // Only an open escalation moves to resolved: two people resolving at once cannot both win.
    const updated = await tx.escalation.updateMany({
      where: { id: escalation.id, status: "OPEN" },
      data: { status: "RESOLVED", resolution: parsed.data.resolution, resolvedById: user.userId, resolvedAt: new Date() },
    });
    if (updated.count !== 1) return { ok: false as const, status: 409 as const, errors: [{ field: "resolution", message: "This escalation has already been resolved" }] };
    await notify(tx, {
      recipientIds: [escalation.raisedById, escalation.decision.authorId].filter((id) => id !== user.userId),
      kind: "ESCALATION_RESOLVED",
      decisionReference: escalation.decision.reference,
      escalationId: escalation.id,
    });
    await appendAuditEvent(tx, auditEntry(user, meta, { action: "escalation.resolve", objectType: "decision", objectId: escalation.decision.reference, caseReference: escalation.decision.caseReference, outcome: "SUCCESS", detail: { escalationId: escalation.id } }));
    return { ok: true as const };
  });
}
