import { describe, expect, it } from "vitest";
import type { Indication, ResolvedIndication } from "../flowchart";
import {
  DECISION_OUTCOMES,
  departsFromIndication,
  departureFromIndication,
  type DecisionOutcome,
  type DepartureCode,
} from "./index";

describe("departureFromIndication: every combination", () => {
  it.each<[ResolvedIndication, DecisionOutcome, boolean, DepartureCode | null]>([
    ["SHARE", "SHARE", false, null],
    ["SHARE", "SHARE", true, null],
    ["SHARE", "SHARE_PART", false, null],
    ["SHARE", "SHARE_PART", true, null],
    ["SHARE", "NO_SHARE", false, null],
    ["SHARE", "NO_SHARE", true, "NO_SHARE_WHEN_CHILD_AT_RISK"],
    ["DO_NOT_SHARE", "SHARE", false, "SHARE_WHEN_INDICATED_NOT_TO"],
    ["DO_NOT_SHARE", "SHARE", true, "SHARE_WHEN_INDICATED_NOT_TO"],
    ["DO_NOT_SHARE", "SHARE_PART", false, "SHARE_WHEN_INDICATED_NOT_TO"],
    ["DO_NOT_SHARE", "SHARE_PART", true, "SHARE_WHEN_INDICATED_NOT_TO"],
    ["DO_NOT_SHARE", "NO_SHARE", false, null],
    ["DO_NOT_SHARE", "NO_SHARE", true, null],
    ["EMERGENCY", "SHARE", true, null],
    ["EMERGENCY", "SHARE_PART", true, null],
    ["EMERGENCY", "NO_SHARE", true, "NO_SHARE_IN_EMERGENCY"],
    ["EMERGENCY", "SHARE", false, null],
    ["EMERGENCY", "SHARE_PART", false, null],
    ["EMERGENCY", "NO_SHARE", false, "NO_SHARE_IN_EMERGENCY"],
  ])("%s then %s (child at risk: %s) → %s", (indication, outcome, childAtRisk, code) => {
    const departure = departureFromIndication(indication, outcome, { childAtRiskOfSignificantHarm: childAtRisk });
    expect(departure?.code ?? null).toBe(code);
    expect(departsFromIndication(indication, outcome, { childAtRiskOfSignificantHarm: childAtRisk })).toBe(
      code !== null,
    );
    if (departure) expect(departure.explanation).toMatch(/but you have decided/);
  });

  it.each<Indication>(["SEEK_ADVICE", "INCOMPLETE"])("makes a decision against %s impossible", (indication) => {
    for (const outcome of DECISION_OUTCOMES) {
      expect(() =>
        departureFromIndication(indication as ResolvedIndication, outcome, { childAtRiskOfSignificantHarm: false }),
      ).toThrow(`A decision cannot be taken while the flowchart indication is ${indication}`);
    }
  });
});
