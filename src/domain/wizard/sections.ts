// Progress by section (issue 13): "Section 2 of 6: About the concern" rather than a question count,
// which jumped as answers added or removed questions ("4 of 15", then "5 of 14"). The sections are
// numbered in their fixed order (STEP_CAPTIONS), counting only those on this draft's path; since the
// steps never go back to an earlier section, the number only counts up along any path.
import type { WizardAnswers } from "./answers";
import { applicableSteps, firstIncompleteStepId } from "./path";
import { STEP_CAPTIONS, type StepCaption, stepDefinition } from "./steps";
import type { AnswerStepId, StepId } from "./answers";

export interface SectionProgress {
  /** 1 for the first section on this draft's path. */
  number: number;
  /** How many sections this draft's path has now. */
  total: number;
  name: StepCaption;
}

/** The sections the draft's path passes through, in the order it reaches them (check answers is not one). */
export function sectionsOnPath(answers: WizardAnswers): StepCaption[] {
  const onPath = new Set(
    applicableSteps(answers)
      .filter((stepId) => stepId !== "check-answers")
      .map((stepId) => stepDefinition(stepId).caption),
  );
  return STEP_CAPTIONS.filter((caption) => onPath.has(caption));
}

/** Where a question sits among the sections of the draft's path. */
export function sectionProgress(answers: WizardAnswers, stepId: StepId): SectionProgress {
  const sections = sectionsOnPath(answers);
  const name = stepDefinition(stepId).caption;
  const index = sections.indexOf(name);
  return { number: index === -1 ? sections.length : index + 1, total: sections.length, name };
}

/** How far a draft has got: the section and question it resumes at, or null when every question is answered. */
export function draftResumePoint(
  answers: WizardAnswers,
): { stepId: StepId; section: SectionProgress; question: string } | null {
  const stepId = firstIncompleteStepId(answers);
  if (stepId === "check-answers") return null;
  return { stepId, section: sectionProgress(answers, stepId), question: stepDefinition(stepId).title };
}

/**
 * The answered steps on the draft's path, grouped by section in the wizard's order: one "check answers"
 * summary card per section (GOV.UK summary cards). Sections with no answer yet are left out.
 */
export function answeredStepsBySection(
  answers: WizardAnswers,
): Array<{ section: StepCaption; stepIds: AnswerStepId[] }> {
  const groups: Array<{ section: StepCaption; stepIds: AnswerStepId[] }> = [];
  for (const stepId of applicableSteps(answers)) {
    if (stepId === "check-answers" || answers[stepId] === undefined) continue;
    const section = stepDefinition(stepId).caption;
    const last = groups.at(-1);
    if (last?.section === section) last.stepIds.push(stepId);
    else groups.push({ section, stepIds: [stepId] });
  }
  return groups;
}
