import { describe, expect, it } from "vitest";
import type { DecisionRecordData } from "../decision";
import { answerFromDecision } from "./answer-from-decision";

const shared: NonNullable<DecisionRecordData["informationShared"]> = {
  description: "Two A&E attendances in November.",
  factAndOpinion: "facts-only",
  historicalInformation: "none",
  principlesConfirmed: [],
};
const rationale = "Not necessary: the school already holds the attendance information it asks for.";

describe("answerFromDecision", () => {
  it("sends the information shared when the decision is to share", () => {
    expect(answerFromDecision({ outcome: "SHARE", rationale, informationShared: shared })).toEqual({
      answer: "SHARE",
      body: "Two A&E attendances in November.",
    });
  });

  it("says what was held back when only part is shared", () => {
    const part = { ...shared, withheld: "The parent's own health records." };
    expect(answerFromDecision({ outcome: "SHARE_PART", rationale, informationShared: part })).toEqual({
      answer: "SHARE",
      body: "Two A&E attendances in November.\n\nNot shared: The parent's own health records.",
    });
  });

  it("sends the reasons, never the information, when the decision is not to share", () => {
    expect(answerFromDecision({ outcome: "NO_SHARE", rationale, informationShared: null })).toEqual({
      answer: "NO_SHARE",
      body: rationale,
    });
  });
});
