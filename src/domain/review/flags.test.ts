import { describe, expect, it } from "vitest";
import { flagReasons, reviewSeverity, type ReviewSeverityInput } from "./flags";

const input = (overrides: Partial<ReviewSeverityInput>): ReviewSeverityInput => ({
  urgency: "ROUTINE",
  outcome: "SHARE",
  consent: { status: "GIVEN" },
  childAtRiskOfSignificantHarm: false,
  departureCode: null,
  ...overrides,
});

describe("reviewSeverity", () => {
  it.each<[string, Partial<ReviewSeverityInput>, "URGENT" | "ROUTINE"]>([
    ["a share with consent", {}, "ROUTINE"],
    ["an emergency", { urgency: "EMERGENCY" }, "URGENT"],
    ["shared without consent, no child at risk", { consent: { status: "REFUSED_OVERRIDDEN" } }, "ROUTINE"],
    [
      "shared without consent, a child at risk of significant harm",
      { consent: { status: "NOT_SOUGHT" }, childAtRiskOfSignificantHarm: true },
      "URGENT",
    ],
    ["shared with consent, a child at risk", { childAtRiskOfSignificantHarm: true }, "ROUTINE"],
    ["not shared, no child at risk", { outcome: "NO_SHARE" }, "ROUTINE"],
    ["not shared, a child at risk", { outcome: "NO_SHARE", childAtRiskOfSignificantHarm: true }, "URGENT"],
    [
      "a departure towards not sharing",
      { outcome: "NO_SHARE", departureCode: "NO_SHARE_WHEN_CHILD_AT_RISK" },
      "URGENT",
    ],
    ["not shared in an emergency", { outcome: "NO_SHARE", departureCode: "NO_SHARE_IN_EMERGENCY" }, "URGENT"],
    ["a departure towards sharing", { departureCode: "SHARE_WHEN_INDICATED_NOT_TO" }, "ROUTINE"],
    [
      "a departure towards sharing without consent, no child at risk",
      { departureCode: "SHARE_WHEN_INDICATED_NOT_TO", consent: { status: "WITHDRAWN" } },
      "ROUTINE",
    ],
  ])("%s → %s", (_, overrides, expected) => {
    expect(reviewSeverity(input(overrides))).toBe(expected);
  });
});

describe("flagReasons", () => {
  it("says why in words, one per flag, in the flags' order", () => {
    expect(flagReasons(["EMERGENCY", "SHARED_WITHOUT_CONSENT"])).toEqual([
      "Emergency: a child at immediate risk of significant harm",
      "Shared without consent",
    ]);
    expect(flagReasons(["NO_SHARE"])).toEqual(["Not shared"]);
  });

  it("names the departure when it is known", () => {
    expect(flagReasons(["DEPARTURE", "NO_SHARE"], "NO_SHARE_WHEN_CHILD_AT_RISK")).toEqual([
      "Departs from the flowchart: not shared although a child is at risk of significant harm",
      "Not shared",
    ]);
    expect(flagReasons(["DEPARTURE"])).toEqual(["Departs from what the flowchart indicates"]);
  });
});
