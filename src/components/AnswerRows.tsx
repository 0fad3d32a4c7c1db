import {
  type AnswerStepId,
  type WizardAnswers,
  applicableSteps,
  stepDefinition,
  summariseAnswer,
} from "@/domain/wizard";
import type { SummaryRow } from "@/components/layout-bits";
import { formatDate } from "@/components/format";

/**
 * One summary row per answered field, in wizard order. With a draft id, each row has a Change
 * link back to its question (GOV.UK "check answers").
 */
export function answerRows(answers: WizardAnswers, changeLinksFor?: string): SummaryRow[] {
  return applicableSteps(answers).flatMap((stepId) => {
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
