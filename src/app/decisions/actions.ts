"use server";
import { notFound, redirect } from "next/navigation";
import { type FieldError, type StepId, collectFormInput, isStepId } from "@/domain/wizard";
import { requirePermission } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { startDraft } from "@/server/decisions/start-draft";
import { saveDraftAnswer } from "@/server/decisions/save-draft-answer";
import { recordDecision } from "@/server/decisions/record-decision";
import { submissions } from "@/server/infra/admission";
import { formFields, withoutControlCharacters } from "@/app/form-data";
import { forbidden } from "next/navigation";

export interface StepFormState {
  errors: FieldError[];
  /** What was posted, to refill the form after an error. */
  values: Record<string, string | string[]> | null;
}

// Each action's work runs through submissions() (src/server/infra/admission.ts): a few at a time, the
// rest queued, so that a burst of submissions drains instead of stalling.

export async function startDraftAction(formData: FormData): Promise<void> {
  const result = await submissions().run(async () => startDraft(await requirePermission("decision.record"), formFields(formData), await requestMeta()));
  if (!result.ok) {
    if (result.status === 403) forbidden();
    notFound();
  }
  redirect(`/decisions/drafts/${result.draftId}`);
}

function frameworkFieldsRemoved(formData: FormData): [string, string][] {
  return [...formData.entries()]
    .filter(([key]) => !key.startsWith("$ACTION"))
    .map(([key, value]) => [key, typeof value === "string" ? withoutControlCharacters(value) : ""]);
}

export async function saveStepAction(
  draftId: string,
  stepId: string,
  returnToCheckAnswers: boolean,
  _previous: StepFormState,
  formData: FormData,
): Promise<StepFormState> {
  if (!isStepId(stepId)) notFound();
  const input = collectFormInput(stepId, frameworkFieldsRemoved(formData));
  const result = await submissions().run(async () => saveDraftAnswer(await requirePermission("decision.record"), draftId, stepId, input, await requestMeta()));
  if (!result.ok) {
    if (result.status === 404) notFound();
    if (result.status === 403) forbidden();
    return { errors: result.errors, values: formFields(formData) };
  }
  const target: StepId = returnToCheckAnswers ? result.firstIncompleteStepId : result.nextStepId;
  redirect(`/decisions/drafts/${draftId}/${target}`);
}

export interface RecordFormState {
  errors: { field: string; message: string; href: string }[];
}

export async function recordDecisionAction(draftId: string, _previous: RecordFormState): Promise<RecordFormState> {
  const result = await submissions().run(async () => recordDecision(await requirePermission("decision.record"), draftId, await requestMeta()));
  if (result.ok) redirect(`/decisions/${result.reference}/confirmation`);
  if (result.status === 404) notFound();
  if (result.status === 403) forbidden();
  return {
    errors: result.problems.map((problem) => ({
      field: problem.field,
      message: problem.message,
      href: problem.stepId === "context" ? "#main-content" : `/decisions/drafts/${draftId}/${problem.stepId}?return=check-answers`,
    })),
  };
}
