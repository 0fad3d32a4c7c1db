import "server-only";
import type { UseCaseResult } from "@/domain/errors";
import { reviewInputSchema } from "@/domain/review";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, decisionAuditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import { loadDecisionWithInput } from "../decisions/load-decision-for-action";
import { notify } from "../notifications/notify";
import type { RequestMeta } from "@/server/infra/request-context";

export type ReviewDecisionResult = UseCaseResult<{ kind: "ENDORSEMENT" | "CHALLENGE" | "NOTE" }>;

/**
 * A supervisor endorses, challenges or notes a team decision. The review is a new record; the
 * decision never changes. Endorsing or challenging takes it out of the queue; a note does not.
 */
export async function reviewDecision(
  user: SignedInUser,
  reference: string,
  raw: unknown,
  meta: RequestMeta,
): Promise<ReviewDecisionResult> {
  const loaded = await loadDecisionWithInput(user, reference, "decision.review", reviewInputSchema, raw, meta);
  if (!loaded.ok) return loaded;
  const { decision, input } = loaded;

  await db().$transaction(async (tx) => {
    await tx.review.create({
      data: {
        decisionId: decision.id,
        authorId: user.userId,
        kind: input.kind,
        comment: input.comment ?? null,
        actionRequired: input.actionRequired ?? null,
      },
    });
    if (input.kind !== "NOTE") await tx.reviewQueueItem.deleteMany({ where: { decisionId: decision.id } });
    if (input.kind !== "NOTE")
      await notify(tx, {
        recipientIds: [decision.authorId],
        kind: input.kind === "CHALLENGE" ? "DECISION_CHALLENGED" : "DECISION_ENDORSED",
        decisionReference: decision.reference,
      });
    await appendAuditEvent(tx, decisionAuditEntry(user, meta, "decision.review", decision, { kind: input.kind }));
  });
  return { ok: true, kind: input.kind };
}
