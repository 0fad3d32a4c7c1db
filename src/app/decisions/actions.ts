"use server";
import { collectFormInput, isStepId } from "@/domain/wizard";
import { startDraft } from "@/server/decisions/start-draft";
import { saveDraftAnswer } from "@/server/decisions/save-draft-answer";
import { recordDecision } from "@/server/decisions/record-decision";
import { discardDraft } from "@/server/decisions/discard-draft";
import { formAction, goTo, postAction } from "@/server/pipeline/action";
import { formEntries } from "@/server/pipeline/form-fields";

// The wizard's writes run through submissions() (src/server/infra/admission.ts): a few at a time,
// the rest queued, so that a burst of submissions drains instead of stalling.

export const startDraftAction = postAction(
  { access: "decision.record", admission: true },
  ({ user, fields, meta }) => startDraft(user, fields, meta),
  {
    done: (result) => goTo(`/decisions/drafts/${result.draftId}`),
  },
);

export const saveStepAction = formAction(
  { access: "decision.record", admission: true },
  ({ user, formData, meta }, draftId: string, stepId: string, _returnToCheckAnswers: boolean) => {
    const input = isStepId(stepId) ? collectFormInput(stepId, formEntries(formData)) : {};
    return saveDraftAnswer(user, draftId, stepId, input, meta);
  },
  {
    done: (result, _context, draftId, _stepId, returnToCheckAnswers) =>
      goTo(`/decisions/drafts/${draftId}/${returnToCheckAnswers ? result.firstIncompleteStepId : result.nextStepId}`),
  },
);

export const recordDecisionAction = formAction(
  { access: "decision.record", admission: true },
  ({ user, meta }, draftId: string) => recordDecision(user, draftId, meta),
  {
    done: (result) => goTo(`/decisions/${result.reference}/confirmation`),
    // Each problem links to the step that answers it; problems of the whole record to the page.
    errorHref: (error, draftId) =>
      !error.stepId || error.stepId === "context"
        ? "#main-content"
        : `/decisions/drafts/${draftId}/${error.stepId}?return=check-answers`,
    refill: () => null,
  },
);

export const discardDraftAction = postAction(
  { access: "decision.record" },
  ({ user, fields, meta }) => discardDraft(user, fields.draftId, meta),
  { done: () => goTo("/decisions?discarded=1") },
);
