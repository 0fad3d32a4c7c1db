import "server-only";
import { shareConfirmationProblems, shareConfirmationSchema, ukDate } from "@/domain/decision";
import { type UseCaseResult, fail } from "@/domain/errors";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import type { Tx } from "@/server/infra/db";
import { type DecisionForAction, withDecisionInput } from "./load-decision-for-action";

/** What a confirmation is checked against: the decision's outcome and date, and any earlier confirmation. */
async function confirmationFacts(tx: Tx, decision: DecisionForAction) {
  const row = await tx.decision.findUniqueOrThrow({
    where: { id: decision.id },
    select: { decisionDate: true, shareConfirmation: { select: { id: true } } },
  });
  return {
    outcome: decision.outcome,
    decisionDate: row.decisionDate.toISOString().slice(0, 10),
    alreadyConfirmed: row.shareConfirmation !== null,
  };
}

export type ConfirmShareResult = UseCaseResult<{ reference: string }>;

/**
 * Confirms that a decided share has been done: when, and by what means (issue 11). It is a
 * separate record beside the decision, which never changes; the author or their supervisor may
 * make it (policy "decision.confirm-share"), once.
 */
export const confirmShare = withDecisionInput(
  "decision.confirm-share",
  shareConfirmationSchema,
  async (user, decision, input, meta, tx): Promise<ConfirmShareResult> => {
    const problems = shareConfirmationProblems(input, await confirmationFacts(tx, decision), ukDate(new Date()));
    if (problems.length > 0) return fail.invalid(problems);
    await tx.shareConfirmation.create({
      data: {
        decisionId: decision.id,
        confirmedById: user.userId,
        sharedOn: new Date(`${input.sharedOn}T00:00:00Z`),
        method: input.method,
      },
    });
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "decision.confirm-share",
        objectType: "decision",
        objectId: decision.reference,
        caseReference: decision.caseReference || null,
        outcome: "SUCCESS",
        detail: { sharedOn: input.sharedOn, method: input.method },
      }),
    );
    return { ok: true, reference: decision.reference };
  },
);
