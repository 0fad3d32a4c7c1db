import "server-only";
import { ukDate } from "@/domain/decision";
import { can } from "@/domain/policy";
import { type FieldError, type StepId, firstIncompleteStepId, isStepId, nextStepId, parseStep, withAnswer } from "@/domain/wizard";
import type { SignedInUser } from "../auth/current-actor";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { loadOwnDraft } from "./drafts";

export type SaveDraftAnswerResult =
  | { ok: true; nextStepId: StepId; firstIncompleteStepId: StepId }
  | { ok: false; status: 400 | 403 | 404; errors: FieldError[] };

const notFound = { ok: false as const, status: 404 as const, errors: [{ field: "_form", message: "This draft does not exist or is not yours" }] };

/**
 * Validates one wizard page against the draft so far (so steps cannot be skipped or posted off
 * the path), stores it, and drops answers the new one has made irrelevant. Nothing is stored
 * when anything is wrong.
 */
export async function saveDraftAnswer(
  user: SignedInUser,
  draftId: string,
  stepId: string,
  input: Record<string, unknown>,
  meta: RequestMeta,
): Promise<SaveDraftAnswerResult> {
  if (!can(user, "decision.record")) return { ok: false, status: 403, errors: [{ field: "_form", message: "You cannot record decisions" }] };
  if (!isStepId(stepId) || stepId === "check-answers") return notFound;
  const draft = await loadOwnDraft(user, draftId);
  if (!draft) return notFound;

  const parsed = parseStep(stepId, input, { answers: draft.answers, organisationKind: draft.organisationKind, today: ukDate(new Date()) });
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };

  const answers = withAnswer(draft.answers, stepId, parsed.value as never);
  await db().$transaction(async (tx) => {
    await tx.decisionDraft.update({ where: { id: draft.id }, data: { answers: answers as object } });
    await appendAuditEvent(tx, auditEntry(user, meta, { action: "draft.save", objectType: "draft", objectId: draft.id, caseReference: answers.concern?.caseReference ?? null, outcome: "SUCCESS", detail: { step: stepId } }));
  });
  return { ok: true, nextStepId: nextStepId(answers, stepId) ?? "check-answers", firstIncompleteStepId: firstIncompleteStepId(answers) };
}
