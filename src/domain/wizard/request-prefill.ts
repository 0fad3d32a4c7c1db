import type { AnswerStepId, WizardAnswers } from "./answers";
import type { FormInput } from "./fields";
import { parseStep } from "./parse";
import { pruneAnswers } from "./path";

/** What an information request already says that the responding wizard asks (issue 14). */
export interface RequestFacts {
  requesterName: string;
  /** The requester's job title, when their organisation recorded one. */
  requesterRole: string | null;
  requestingOrganisation: string;
  purpose: string;
  /** The responding organisation's own case reference for the child, when an earlier answer recorded one. */
  knownCaseReference: string | null;
}

export interface RequestPrefill {
  /** Whole answers the request gives (stored in the draft as if the practitioner had saved them). */
  answers: WizardAnswers;
  /** Values a page starts with where the request gives only part of its answer: the practitioner completes it. */
  formDefaults: Partial<Record<AnswerStepId, FormInput>>;
}

/**
 * The wizard's answers as far as the request gives them. Facts only: who asked, on whose behalf,
 * for what purpose, and that the request names a child. The flowchart's judgements and the
 * decision itself are the practitioner's, so they start unanswered (a default is shown, never saved).
 */
export function prefillFromRequest(facts: RequestFacts): RequestPrefill {
  const recipient = {
    recipientName: facts.requesterName,
    ...(facts.requesterRole ? { recipientRole: facts.requesterRole } : {}),
    recipientOrganisation: facts.requestingOrganisation,
  };
  const pages: Partial<Record<AnswerStepId, FormInput>> = {
    request: {
      origin: "request",
      requesterName: facts.requesterName,
      requesterRole: facts.requesterRole ?? "",
      requesterOrganisation: facts.requestingOrganisation,
    },
    // The request names the child, so the information identifies someone.
    identifiable: { identifiable: "yes" },
    ...(facts.knownCaseReference ? { concern: { caseReference: facts.knownCaseReference } } : {}),
    decision: { purpose: facts.purpose },
    // Asked only when sharing (decision 034): the requester is who the information would go to.
    recipient,
  };
  const answers: WizardAnswers = {};
  const formDefaults: Partial<Record<AnswerStepId, FormInput>> = {};
  for (const [stepId, values] of Object.entries(pages) as [AnswerStepId, FormInput][]) {
    // Only the request page holds nothing but facts; a complete page of judgement is still only a default.
    const parsed = stepId === "request" ? parseStep(stepId, values) : null;
    if (parsed?.ok) Object.assign(answers, { [stepId]: parsed.value });
    else formDefaults[stepId] = values;
  }
  return { answers: pruneAnswers(answers), formDefaults };
}
