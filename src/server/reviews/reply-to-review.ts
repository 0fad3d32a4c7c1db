import "server-only";
import type { UseCaseResult } from "@/domain/errors";
import { replyInputSchema } from "@/domain/review";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, decisionAuditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import { loadDecisionWithInput } from "../decisions/load-decision-for-action";
import { notify } from "../notifications/notify";
import type { RequestMeta } from "@/server/infra/request-context";

export type ReplyResult = UseCaseResult;

/** The practitioner answers a challenge without changing their decision; the challengers are told. */
export async function replyToReview(
  user: SignedInUser,
  reference: string,
  raw: unknown,
  meta: RequestMeta,
): Promise<ReplyResult> {
  const loaded = await loadDecisionWithInput(user, reference, "decision.reply", replyInputSchema, raw, meta);
  if (!loaded.ok) return loaded;
  const { decision, input } = loaded;

  await db().$transaction(async (tx) => {
    const challengers = await tx.review.findMany({
      where: { decisionId: decision.id, kind: "CHALLENGE" },
      select: { authorId: true },
    });
    await tx.review.create({
      data: { decisionId: decision.id, authorId: user.userId, kind: "REPLY", comment: input.comment },
    });
    await notify(tx, {
      recipientIds: challengers.map((c) => c.authorId).filter((id) => id !== user.userId),
      kind: "REPLY_RECEIVED",
      decisionReference: decision.reference,
    });
    await appendAuditEvent(tx, decisionAuditEntry(user, meta, "decision.reply", decision));
  });
  return { ok: true };
}
