import {
  type AnswerStepId,
  type StepId,
  type WizardAnswers,
  applicableSteps,
  currentShapeOf,
  stepDefinition,
  summariseAnswer,
} from "@/domain/wizard";
import { answeredStepsBySection } from "@/domain/wizard/sections";
import type { SummaryRow } from "@/components/layout-bits";
import { formatDate } from "@/components/format";

/**
 * One summary row per answered field, in wizard order. With a draft id, each row has a Change
 * link back to its question (GOV.UK "check answers").
 */
export function answerRows(stored: WizardAnswers, changeLinksFor?: string): SummaryRow[] {
  // A record made before a page was split holds its answers in their old places.
  const answers = currentShapeOf(stored);
  return stepRows(answers, applicableSteps(answers), changeLinksFor);
}

/** "Check your answers" as GOV.UK summary cards: one per section of the wizard, each row with its Change link. */
export function answerCards(answers: WizardAnswers, draftId: string): Array<{ section: string; rows: SummaryRow[] }> {
  return answeredStepsBySection(answers).map(({ section, stepIds }) => ({
    section,
    rows: stepRows(answers, stepIds, draftId),
  }));
}

function stepRows(answers: WizardAnswers, stepIds: readonly StepId[], changeLinksFor?: string): SummaryRow[] {
  return stepIds.flatMap((stepId) => {
    if (stepId === "check-answers") return [];
    const value = answers[stepId];
    if (value === undefined) return [];
    const definition = stepDefinition(stepId);
    const dateFields = new Set(definition.fields.filter((f) => f.kind === "date").map((f) => f.name));
    return summariseAnswer(stepId as AnswerStepId, value as never).map((row, index) => ({
      key: index === 0 && row.label !== definition.title ? `${definition.title} – ${row.label}` : row.label,
      value: dateFields.has(row.field) ? (
        formatDate(`${row.lines[0]}T12:00:00Z`)
      ) : row.lines.length > 1 ? (
        <ul className="list-disc pl-5">
          {row.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        row.lines[0]
      ),
      action: changeLinksFor
        ? {
            href: `/decisions/drafts/${changeLinksFor}/${stepId}?return=check-answers`,
            label: "Change",
            visuallyHidden: row.label.toLowerCase(),
          }
        : undefined,
    }));
  });
}
