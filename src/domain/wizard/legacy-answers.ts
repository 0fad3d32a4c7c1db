import type { WizardAnswers } from "./answers";

const RECIPIENT_FIELDS = ["recipientName", "recipientRole", "recipientOrganisation"] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Answers stored before a page was split, moved onto the pages that ask them now, so an old draft
 * keeps its answers and an old record shows them (decision 034). Anything else is left as stored, for
 * the schemas to judge. Until issue 13 the recipient was asked on the decision's page; it now has a
 * page of its own, asked only when sharing, so a decision not to share drops what it had there.
 */
export function upgradeStoredAnswers(stored: unknown): unknown {
  if (!isObject(stored) || !isObject(stored.decision)) return stored;
  const decision = stored.decision;
  if (!RECIPIENT_FIELDS.some((field) => field in decision)) return stored;
  const keptDecision = Object.fromEntries(
    Object.entries(decision).filter(([field]) => !(RECIPIENT_FIELDS as readonly string[]).includes(field)),
  );
  const moved = Object.fromEntries(RECIPIENT_FIELDS.map((field) => [field, decision[field]]));
  const sharing = decision.outcome !== "NO_SHARE";
  return {
    ...stored,
    decision: keptDecision,
    ...(sharing && stored.recipient === undefined ? { recipient: moved } : {}),
  };
}

/** Answers as the wizard's steps now hold them (see upgradeStoredAnswers), for showing an old record. */
export function currentShapeOf(answers: WizardAnswers): WizardAnswers {
  return upgradeStoredAnswers(answers) as WizardAnswers;
}
