// Escalation to the partnership's lead safeguarding partners (issue 14, decision 030). Partnership
// protocols ask that a refusal another partner thinks puts a child at risk is escalated "at pace" to
// the lead safeguarding partners; a request left unanswered well after it was due goes there too,
// after the contact team's supervisors (decision 028) have had their chance.
import { z } from "zod";
import { type RequestStatus } from "./status";
import { type WorkingCalendar, dueAt } from "./working-hours";

export const ESCALATION_REASONS = ["OVERDUE", "REFUSAL_DISPUTED"] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const ESCALATION_REASON_LABELS: Record<EscalationReason, string> = {
  OVERDUE: "Not answered in time",
  REFUSAL_DISPUTED: "Refusal disputed by the requester",
};

export const ESCALATION_OUTCOMES = ["UPHOLD", "ASK_TO_SHARE"] as const;
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number];

/** What the outcome means, by why the request was escalated. */
export function escalationOutcomeLabel(outcome: EscalationOutcome, reason: EscalationReason): string {
  if (outcome === "ASK_TO_SHARE") return "The partner is asked to share";
  return reason === "REFUSAL_DISPUTED" ? "The refusal is upheld" : "No further action by the lead partners";
}

/**
 * When an unanswered request goes on to the lead partners: half its response time again after it was
 * due, in working hours, at least one (Red 4 hours: 2 working hours after the due time; Amber 24: 12;
 * Green 72: 36). The supervisors, told when it fell due, have that long to get it answered.
 */
export function leadPartnerEscalationAt(due: Date, responseHours: number, calendar: WorkingCalendar): Date {
  return dueAt(due, Math.max(1, responseHours / 2), calendar);
}

/** The requesting side may dispute a refusal once it has it, whether or not receipt is confirmed. */
export function mayDisputeRefusal(status: RequestStatus, answerKind: "SHARE" | "NO_SHARE" | null): boolean {
  return answerKind === "NO_SHARE" && (status === "ANSWERED" || status === "RECEIPT_CONFIRMED");
}

const reasonsText = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .min(10, { error: "Reasons must be at least 10 characters" })
    .max(5000, { error: "Reasons must be 5000 characters or less" })
    .refine((value) => !value.includes("\u0000"), { error: "Remove the invisible characters from this text" });

/** The requesting side's reasons for taking a refusal to the lead partners. */
export const disputeRefusalInputSchema = z.strictObject({
  reasons: reasonsText("Say why you disagree with the refusal"),
});
export type DisputeRefusalInput = z.output<typeof disputeRefusalInputSchema>;

/** The lead partners' decision, with its reasons (returned to both parties). */
export const decideEscalationInputSchema = z.strictObject({
  outcome: z.enum(ESCALATION_OUTCOMES, { error: "Select your decision" }),
  reasons: reasonsText("Give the reasons for your decision"),
});
export type DecideEscalationInput = z.output<typeof decideEscalationInputSchema>;
