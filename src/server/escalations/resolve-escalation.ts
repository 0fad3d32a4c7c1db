import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { can } from "@/domain/policy";
import { resolveEscalationInputSchema } from "@/domain/review";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import { appendAuditEvent, decisionAuditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import { fieldErrorsFrom } from "../field-errors";
import { notify } from "../notifications/notify";
import type { RequestMeta } from "@/server/infra/request-context";
import { disputeParties } from "./dispute-parties";

export type ResolveEscalationResult = UseCaseResult;

const ESCALATION_NOT_FOUND = "Escalation not found";

export async function resolveEscalation(
  user: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
): Promise<ResolveEscalationResult> {
  const parsed = resolveEscalationInputSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const { escalationId } = parsed.data;
  const escalation = await db().escalation.findUnique({
    where: { id: escalationId },
    include: { decision: { select: { reference: true, authorId: true, caseReference: true } } },
  });
  if (!escalation) return fail.notFound(ESCALATION_NOT_FOUND);
  const object = { type: "escalation", id: escalation.id };
  // Another organisation's escalation is "not found" to the user, and a refusal in the audit log.
  if (escalation.organisationId !== user.organisationId) {
    await recordRefusal(user, meta, "escalation.resolve", object, "other-organisation");
    return fail.notFound(ESCALATION_NOT_FOUND);
  }
  const parties = await disputeParties([{ ...escalation, decisionAuthorId: escalation.decision.authorId }]);
  const scope = {
    organisationId: escalation.organisationId,
    teamId: escalation.teamId,
    authorId: escalation.raisedById,
    partyIds: parties.get(escalation.id) ?? [],
  };
  if (!can(user, "escalation.resolve", scope)) {
    // Refused attempts are evidence too, a party trying to settle their own dispute above all.
    const party = scope.partyIds.includes(user.userId);
    await recordRefusal(user, meta, "escalation.resolve", object, party ? "party-to-dispute" : "policy");
    return fail.forbidden(
      party ? "You cannot resolve a dispute you are part of" : "You cannot resolve this escalation",
    );
  }

  return db().$transaction(async (tx): Promise<ResolveEscalationResult> => {
    // Only an open escalation moves to resolved: two people resolving at once cannot both win.
    const updated = await tx.escalation.updateMany({
      where: { id: escalation.id, status: "OPEN" },
      data: {
        status: "RESOLVED",
        resolution: parsed.data.resolution,
        resolvedById: user.userId,
        resolvedAt: new Date(),
      },
    });
    if (updated.count !== 1) return fail.conflict("This escalation has already been resolved", "resolution");
    await notify(tx, {
      recipientIds: [escalation.raisedById, escalation.decision.authorId].filter((id) => id !== user.userId),
      kind: "ESCALATION_RESOLVED",
      decisionReference: escalation.decision.reference,
      escalationId: escalation.id,
    });
    await appendAuditEvent(
      tx,
      decisionAuditEntry(user, meta, "escalation.resolve", escalation.decision, { escalationId: escalation.id }),
    );
    return { ok: true };
  });
}
