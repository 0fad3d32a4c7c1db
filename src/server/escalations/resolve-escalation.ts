import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, decisionAuditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import { notify } from "../notifications/notify";
import type { RequestMeta } from "@/server/infra/request-context";
import { loadEscalationToResolve } from "./load-escalation-to-resolve";

export type ResolveEscalationResult = UseCaseResult;

/** Resolves an open escalation with a recorded resolution; whoever raised it and the decision's author are told. */
export async function resolveEscalation(
  user: SignedInUser,
  raw: unknown,
  meta: RequestMeta,
): Promise<ResolveEscalationResult> {
  const loaded = await loadEscalationToResolve(user, raw, meta);
  if (!loaded.ok) return loaded;
  const { escalation, input } = loaded;

  return db().$transaction(async (tx): Promise<ResolveEscalationResult> => {
    // Only an open escalation moves to resolved: two people resolving at once cannot both win.
    const updated = await tx.escalation.updateMany({
      where: { id: escalation.id, status: "OPEN" },
      data: {
        status: "RESOLVED",
        resolution: input.resolution,
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
