import "server-only";
import type { UseCaseResult } from "@/domain/errors";
import { reviewInputSchema } from "@/domain/review";
import { appendAuditEvent, decisionAuditEntry } from "../audit/append-audit-event";
import { withDecisionInput } from "../decisions/load-decision-for-action";
import { notify } from "../notifications/notify";

export type ReviewDecisionResult = UseCaseResult<{ kind: "ENDORSEMENT" | "CHALLENGE" | "NOTE" }>;

/**
 * A supervisor endorses, challenges or notes a team decision. The review is a new record; the
 * decision never changes. Endorsing or challenging takes it out of the queue; a note does not.
 */
export const reviewDecision = withDecisionInput(
  "decision.review",
  reviewInputSchema,
  async (user, decision, input, meta, tx): Promise<ReviewDecisionResult> => {
    // The review as posted (a strict schema: kind, comment, action required); an absent field stays null.
    await tx.review.create({ data: { decisionId: decision.id, authorId: user.userId, ...input } });
    if (input.kind !== "NOTE") await tx.reviewQueueItem.deleteMany({ where: { decisionId: decision.id } });
    if (input.kind !== "NOTE")
      await notify(tx, {
        recipientIds: [decision.authorId],
        kind: input.kind === "CHALLENGE" ? "DECISION_CHALLENGED" : "DECISION_ENDORSED",
        decisionReference: decision.reference,
      });
    await appendAuditEvent(tx, decisionAuditEntry(user, meta, "decision.review", decision, { kind: input.kind }));
    return { ok: true, kind: input.kind };
  },
);
