// The wizard's paths the page fixtures' first draft does not take, as drafts made in SQL (quicker than
// walking the wizard): accessibility.spec.ts scans the question pages each reaches that the first does not.
// A module of its own, so the spec can name the paths without importing the setup file (and its test).
import type pg from "pg";
import { type StepId, type WizardAnswers, applicableSteps, canVisitStep } from "../../src/domain/wizard";
import { VALID, consentGivenShareAnswers } from "../../src/domain/wizard/test-fixtures";
import { insertDraft, uniqueCaseReference } from "./wizard-helpers";

export interface PathDraft {
  path: string;
  draftId: string;
  steps: StepId[];
}

const advised = <Answer extends string>(informedAnswer: Answer) => ({
  adviceFrom: "designated-safeguarding-lead" as const,
  adviceGiven: "The designated safeguarding lead gave advice by phone today.",
  informedAnswer,
});

/**
 * Answers up to the last question of each path the first draft does not take. The second is unsure of
 * everything it can be (so every advice page is on its path), about an adult at risk, and shares
 * where the flowchart says not to (so it asks why); it stops at that question.
 */
export const PATHS: Record<string, WizardAnswers> = {
  sharing: consentGivenShareAnswers(),
  "advice, adult at risk, departure": {
    urgency: VALID.urgency,
    request: VALID.request,
    identifiable: { identifiable: "not-sure" },
    "identifiable-advice": advised("yes"),
    concern: { ...VALID.concern, personAtRisk: "adult-at-risk" },
    "about-the-information": VALID["about-the-information"],
    "significant-harm": { significantHarm: "not-sure" },
    "significant-harm-advice": advised("no"),
    "adult-at-risk": {
      careAndSupportNeeds: "yes",
      unableToProtectThemselves: "yes",
      capacity: "has-capacity",
      refusalOverrideReasons: [],
    },
    purpose: { legitimatePurpose: "not-sure" },
    "purpose-advice": advised("yes"),
    confidential: { confidential: "not-sure" },
    "confidential-advice": advised("yes"),
    "consent-from": { consentFrom: "adult" },
    consent: { consent: "not-sure" },
    "consent-advice": advised("refused"),
    "other-lawful-reason": { otherLawfulReason: "not-sure" },
    "other-lawful-reason-advice": advised("no"),
    decision: VALID.decision,
  } as WizardAnswers,
  emergency: { urgency: { immediateRisk: "yes" } },
};

/** Inserts the drafts of PATHS as `email`'s, each with the question pages it reaches beyond `covered`. */
export async function pathDrafts(client: pg.Client, email: string, covered: string[]): Promise<PathDraft[]> {
  const drafts: PathDraft[] = [];
  const seen = new Set(covered);
  for (const [path, answers] of Object.entries(PATHS)) {
    const withCase = answers.concern
      ? { ...answers, concern: { ...answers.concern, caseReference: uniqueCaseReference("A11Y") } }
      : answers;
    const draftId = await insertDraft(client, email, withCase);
    const steps = applicableSteps(withCase).filter(
      (step) => step !== "check-answers" && !seen.has(step) && canVisitStep(withCase, step),
    );
    for (const step of steps) seen.add(step);
    drafts.push({ path, draftId, steps });
  }
  return drafts;
}
