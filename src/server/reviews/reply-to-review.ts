import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { replyInputSchema } from "@/domain/review";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import { fieldErrorsFrom } from "../field-errors";
import { loadDecisionForAction } from "../decisions/load-decision-for-action";
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
  const loaded = await loadDecisionForAction(user, reference, "decision.reply", meta);
  if (!loaded.ok) return loaded;
  const parsed = replyInputSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const { decision } = loaded;

  await db().$transaction(async (tx) => {
    const challengers = await tx.review.findMany({
      where: { decisionId: decision.id, kind: "CHALLENGE" },
      select: { authorId: true },
    });
    await tx.review.create({
      data: { decisionId: decision.id, authorId: user.userId, kind: "REPLY", comment: parsed.data.comment },
    });
    await notify(tx, {
      recipientIds: challengers.map((c) => c.authorId).filter((id) => id !== user.userId),
      kind: "REPLY_RECEIVED",
      decisionReference: decision.reference,
    });
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "decision.reply",
        objectType: "decision",
        objectId: decision.reference,
        caseReference: decision.caseReference,
        outcome: "SUCCESS",
      }),
    );
  });
  return { ok: true };
}
