import { describe, expect, it } from "vitest";
import { isReviewRequestReason, reviewRequestText } from "./review-request-text";

describe("reviewRequestText", () => {
  it("names the case, the reason and the one decision", () => {
    expect(reviewRequestText({ caseReference: "ABC-1", reason: "URGENT", count: 1, latestReference: "IS-1" })).toBe(
      "A decision about case ABC-1 is waiting for an urgent review (flagged as serious): IS-1",
    );
  });
  it("counts a group and names its latest decision", () => {
    expect(reviewRequestText({ caseReference: "ABC-1", reason: "FLAGGED", count: 3, latestReference: "IS-9" })).toBe(
      "3 decisions about case ABC-1 are waiting for review (flagged, routine): the latest IS-9",
    );
    expect(reviewRequestText({ caseReference: "X", reason: "UNFLAGGED", count: 2, latestReference: "IS-2" })).toBe(
      "2 decisions about case X are waiting for review: the latest IS-2",
    );
  });
  it("knows the reasons notify_users writes, and nothing else", () => {
    expect(["URGENT", "FLAGGED", "UNFLAGGED"].every(isReviewRequestReason)).toBe(true);
    expect(isReviewRequestReason(null)).toBe(false);
    expect(isReviewRequestReason("urgent")).toBe(false);
  });
});
