import { describe, expect, it } from "vitest";
import {
  decideEscalationInputSchema,
  disputeRefusalInputSchema,
  escalationOutcomeLabel,
  leadPartnerEscalationAt,
  mayDisputeRefusal,
} from "./escalation";
import { REQUEST_STATUSES } from "./status";
import { workingCalendar } from "./working-hours";

const CALENDAR = workingCalendar(["2026-12-25", "2026-12-28", "2027-01-01"]);

describe("leadPartnerEscalationAt: half the response time again after the due time, in working hours", () => {
  // What each case shows, when the request was due, its response time in hours, and when it escalates.
  it.each<[string, string, number, string]>([
    [
      "Red (4 hours) due at 14:00 on a Monday goes to the lead partners at 16:00",
      "2026-12-07T14:00:00Z",
      4,
      "2026-12-07T16:00:00Z",
    ],
    [
      "carries over the night and the weekend: Red due at 16:30 on a Friday goes at 10:30 on Monday",
      "2026-12-04T16:30:00Z",
      4,
      "2026-12-07T10:30:00Z",
    ],
    [
      // Christmas Day and the substitute Boxing Day (Monday 28th) are holidays: 8 hours on Tuesday 29th,
      // 4 hours on Wednesday 30th.
      "skips bank holidays: Amber (24 hours, so 12 more) due at 17:00 on Thursday 24 December 2026 " +
        "goes at 13:00 on the 30th",
      "2026-12-24T17:00:00Z",
      24,
      "2026-12-30T13:00:00Z",
    ],
    ["is at least one working hour after the due time", "2026-12-07T10:00:00Z", 1, "2026-12-07T11:00:00Z"],
  ])("%s", (_, due, hours, escalates) => {
    expect(leadPartnerEscalationAt(new Date(due), hours, CALENDAR)).toEqual(new Date(escalates));
  });
});

describe("mayDisputeRefusal", () => {
  it.each(REQUEST_STATUSES)("only a refusal the requesting side has (status %s)", (status) => {
    const answered = status === "ANSWERED" || status === "RECEIPT_CONFIRMED";
    expect(mayDisputeRefusal(status, "NO_SHARE")).toBe(answered);
    expect(mayDisputeRefusal(status, "SHARE")).toBe(false);
    expect(mayDisputeRefusal(status, null)).toBe(false);
  });
});

describe("the inputs", () => {
  it("asks for reasons to dispute a refusal", () => {
    expect(disputeRefusalInputSchema.safeParse({ reasons: "  " }).success).toBe(false);
    expect(disputeRefusalInputSchema.safeParse({ reasons: "too short" }).success).toBe(false);
    expect(disputeRefusalInputSchema.safeParse({ reasons: "A\u0000 child at risk of harm" }).success).toBe(false);
    expect(disputeRefusalInputSchema.parse({ reasons: " The child is at risk of significant harm. " })).toEqual({
      reasons: "The child is at risk of significant harm.",
    });
  });
  it("asks the lead partners for an outcome and reasons", () => {
    expect(decideEscalationInputSchema.safeParse({ outcome: "MAYBE", reasons: "x".repeat(20) }).success).toBe(false);
    expect(decideEscalationInputSchema.safeParse({ outcome: "UPHOLD" }).success).toBe(false);
    expect(
      decideEscalationInputSchema.safeParse({ outcome: "ASK_TO_SHARE", reasons: "x".repeat(20), extra: 1 }).success,
    ).toBe(false);
    expect(
      decideEscalationInputSchema.parse({ outcome: "ASK_TO_SHARE", reasons: "Necessary to protect the child." }),
    ).toEqual({ outcome: "ASK_TO_SHARE", reasons: "Necessary to protect the child." });
  });
  it("names the outcome by why it was escalated", () => {
    expect(escalationOutcomeLabel("UPHOLD", "REFUSAL_DISPUTED")).toBe("The refusal is upheld");
    expect(escalationOutcomeLabel("UPHOLD", "OVERDUE")).toBe("No further action by the lead partners");
    expect(escalationOutcomeLabel("ASK_TO_SHARE", "OVERDUE")).toBe("The partner is asked to share");
  });
});
