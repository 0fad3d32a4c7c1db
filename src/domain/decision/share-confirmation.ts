import { z } from "zod";
import { SHARING_METHODS, isRealIsoDate, type SharingMethod } from "../wizard";
import type { DecisionOutcome } from "./departure";

/** A share confirmed as done, separately from the decision to share (issue 11): when, and how. */
export interface ShareConfirmationInput {
  sharedOn: string;
  method: SharingMethod;
}

export const shareConfirmationSchema = z.strictObject({
  sharedOn: z
    .string({ error: "Enter the date the information was shared" })
    .trim()
    .min(1, { error: "Enter the date the information was shared" })
    .refine(isRealIsoDate, { error: "The date it was shared must be a real date" }),
  method: z.enum(SHARING_METHODS, { error: "Select how the information was shared" }),
});

export type ShareConfirmationProblem = { field: string; message: string };

/**
 * Checks a confirmation against the decision: only a decision to share can be confirmed, once,
 * on a day between the decision and today (UK calendar days, YYYY-MM-DD).
 */
export function shareConfirmationProblems(
  input: ShareConfirmationInput,
  decision: { outcome: DecisionOutcome; decisionDate: string; alreadyConfirmed: boolean },
  today: string,
): ShareConfirmationProblem[] {
  if (decision.outcome === "NO_SHARE") {
    return [{ field: "_form", message: "This decision was not to share, so there is no share to confirm" }];
  }
  if (decision.alreadyConfirmed) return [{ field: "_form", message: "This share has already been confirmed" }];
  if (input.sharedOn > today)
    return [{ field: "sharedOn", message: "The date it was shared must be today or earlier" }];
  if (input.sharedOn < decision.decisionDate) {
    return [{ field: "sharedOn", message: "The date it was shared must be on or after the date of the decision" }];
  }
  return [];
}
