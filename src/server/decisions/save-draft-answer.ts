import "server-only";
import { ukDate } from "@/domain/decision";
import { type UseCaseResult, fail } from "@/domain/errors";
import { type StepId, firstIncompleteStepId, isStepId, nextStepId, parseStep, withAnswer } from "@/domain/wizard";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { loadOwnDraft } from "./drafts";

export type SaveDraftAnswerResult = UseCaseResult<{ nextStepId: StepId; firstIncompleteStepId: StepId }>;

const notFound = fail.notFound("This draft does not exist or is not yours");

/**
 * Validates one wizard page against the draft so far (so steps cannot be skipped or posted off
 * the path), stores it, and drops answers the new one has made irrelevant. Nothing is stored
 * when anything is wrong. The pipeline has checked the permission (decision.record).
 */
export async function saveDraftAnswer(
  user: SignedInUser,
  draftId: string,
  stepId: string,
  input: Record<string, unknown>,
  meta: RequestMeta,
): Promise<SaveDraftAnswerResult> {
  if (!isStepId(stepId) || stepId === "check-answers") return notFound;
  const draft = await loadOwnDraft(user, draftId);
  if (!draft) return notFound;

  const parsed = parseStep(stepId, input, {
    answers: draft.answers,
    organisationKind: draft.organisationKind,
    today: ukDate(new Date()),
  });
  if (!parsed.ok) return fail.invalid(parsed.errors);

  const answers = withAnswer(draft.answers, stepId, parsed.value as never);
  await db().$transaction(async (tx) => {
    await tx.decisionDraft.update({ where: { id: draft.id }, data: { answers: answers as object } });
    await appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "draft.save",
        objectType: "draft",
        objectId: draft.id,
        caseReference: answers.concern?.caseReference ?? null,
        outcome: "SUCCESS",
        detail: { step: stepId },
      }),
    );
  });
  return {
    ok: true,
    nextStepId: nextStepId(answers, stepId) ?? "check-answers",
    firstIncompleteStepId: firstIncompleteStepId(answers),
  };
}
