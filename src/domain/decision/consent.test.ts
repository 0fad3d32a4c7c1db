import { describe, expect, it } from "vitest";
import type { ResolvedConsentAnswer } from "../flowchart";
import { sharedWithoutConsent, summariseConsent, type ConsentStatus, type DecisionOutcome } from "./index";

describe("summariseConsent and sharedWithoutConsent", () => {
  it.each<[ResolvedConsentAnswer | undefined, DecisionOutcome, ConsentStatus, boolean]>([
    [undefined, "SHARE", "NOT_NEEDED", false],
    [undefined, "NO_SHARE", "NOT_NEEDED", false],
    ["given", "SHARE", "GIVEN", false],
    ["given", "SHARE_PART", "GIVEN", false],
    ["given", "NO_SHARE", "GIVEN", false],
    ["refused", "SHARE", "REFUSED_OVERRIDDEN", true],
    ["refused", "SHARE_PART", "REFUSED_OVERRIDDEN", true],
    ["refused", "NO_SHARE", "REFUSED_RESPECTED", false],
    ["withdrawn", "SHARE", "WITHDRAWN", true],
    ["withdrawn", "SHARE_PART", "WITHDRAWN", true],
    ["withdrawn", "NO_SHARE", "WITHDRAWN", false],
    ["not-sought", "SHARE", "NOT_SOUGHT", true],
    ["not-sought", "SHARE_PART", "NOT_SOUGHT", true],
    ["not-sought", "NO_SHARE", "NOT_SOUGHT", false],
  ])("consent %s, decision %s → %s (shared without consent: %s)", (consent, outcome, status, withoutConsent) => {
    expect(summariseConsent(consent, outcome)).toBe(status);
    expect(sharedWithoutConsent(status, outcome)).toBe(withoutConsent);
  });
});
