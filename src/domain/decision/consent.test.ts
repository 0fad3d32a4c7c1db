import { describe, expect, it } from "vitest";
import { keysOf } from "../closed-lists";
import type { ResolvedConsentAnswer } from "../flowchart";
import { sharedWithoutConsent, summariseConsent, type ConsentStatus, type DecisionOutcome } from "./index";

type Expected = [status: ConsentStatus, sharedWithoutConsent: boolean];

// For each consent answer: what a decision to share (in full or in part) records, and one not to share.
const BY_CONSENT: Record<ResolvedConsentAnswer, { sharing: Expected; notSharing: Expected }> = {
  given: { sharing: ["GIVEN", false], notSharing: ["GIVEN", false] },
  refused: { sharing: ["REFUSED_OVERRIDDEN", true], notSharing: ["REFUSED_RESPECTED", false] },
  withdrawn: { sharing: ["WITHDRAWN", true], notSharing: ["WITHDRAWN", false] },
  "not-sought": { sharing: ["NOT_SOUGHT", true], notSharing: ["NOT_SOUGHT", false] },
};

type Case = readonly [ResolvedConsentAnswer | undefined, DecisionOutcome, ...Expected];
const cases: Case[] = [
  [undefined, "SHARE", "NOT_NEEDED", false],
  [undefined, "NO_SHARE", "NOT_NEEDED", false],
  ...keysOf(BY_CONSENT).flatMap((consent) => {
    const { sharing, notSharing } = BY_CONSENT[consent];
    return [
      [consent, "SHARE", ...sharing],
      [consent, "SHARE_PART", ...sharing],
      [consent, "NO_SHARE", ...notSharing],
    ] satisfies Case[];
  }),
];

describe("summariseConsent and sharedWithoutConsent", () => {
  it.each(cases)(
    "consent %s, decision %s → %s (shared without consent: %s)",
    (consent, outcome, status, withoutConsent) => {
      expect(summariseConsent(consent, outcome)).toBe(status);
      expect(sharedWithoutConsent(status, outcome)).toBe(withoutConsent);
    },
  );
});
