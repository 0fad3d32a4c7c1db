import "server-only";
import type { UseCaseResult } from "@/domain/errors";
import { replyInputSchema } from "@/domain/review";
import { appendAuditEvent, decisionAuditEntry } from "../audit/append-audit-event";
import { withDecisionInput } from "../decisions/load-decision-for-action";
import { notify } from "../notifications/notify";

export type ReplyResult = UseCaseResult;

/** The practitioner answers a challenge without changing their decision; the challengers are told. */
export const replyToReview = withDecisionInput(
  "decision.reply",
  replyInputSchema,
  async (user, decision, input, meta, tx): Promise<ReplyResult> => {
    await tx.review.create({
      data: { decisionId: decision.id, authorId: user.userId, kind: "REPLY", comment: input.comment },
    });
    const challengers = await tx.review.findMany({
      where: { decisionId: decision.id, kind: "CHALLENGE" },
      select: { authorId: true },
    });
    await notify(tx, {
      recipientIds: challengers.map((c) => c.authorId).filter((id) => id !== user.userId),
      kind: "REPLY_RECEIVED",
      decisionReference: decision.reference,
    });
    await appendAuditEvent(tx, decisionAuditEntry(user, meta, "decision.reply", decision));
    return { ok: true };
  },
);
