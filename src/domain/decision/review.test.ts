import { describe, expect, it } from "vitest";
import {
  DEFAULT_RECORD_KEEPING_SETTINGS,
  retainUntil,
  reviewDueAt,
  reviewFlags,
  type RecordKeepingSettings,
  type ReviewFlag,
  type ReviewFlagInput,
} from "./index";

const input = (overrides: Partial<ReviewFlagInput>): ReviewFlagInput => ({
  urgency: "ROUTINE",
  outcome: "SHARE",
  departsFromIndication: false,
  consent: { status: "GIVEN" },
  ...overrides,
});

describe("reviewFlags", () => {
  it.each<[string, Partial<ReviewFlagInput>, ReviewFlag[]]>([
    ["routine share with consent", {}, []],
    ["no share", { outcome: "NO_SHARE" }, ["NO_SHARE"]],
    ["share over a refusal", { consent: { status: "REFUSED_OVERRIDDEN" } }, ["SHARED_WITHOUT_CONSENT"]],
    [
      "share in part without asking",
      { outcome: "SHARE_PART", consent: { status: "NOT_SOUGHT" } },
      ["SHARED_WITHOUT_CONSENT"],
    ],
    ["share after withdrawal", { consent: { status: "WITHDRAWN" } }, ["SHARED_WITHOUT_CONSENT"]],
    ["share of non-personal information", { consent: { status: "NOT_NEEDED" } }, []],
    ["no share after withdrawal", { outcome: "NO_SHARE", consent: { status: "WITHDRAWN" } }, ["NO_SHARE"]],
    [
      "emergency share",
      { urgency: "EMERGENCY", consent: { status: "NOT_SOUGHT" } },
      ["EMERGENCY", "SHARED_WITHOUT_CONSENT"],
    ],
    [
      "emergency no share",
      { urgency: "EMERGENCY", outcome: "NO_SHARE", departsFromIndication: true },
      ["DEPARTURE", "EMERGENCY", "NO_SHARE"],
    ],
    [
      "departure by sharing",
      { departsFromIndication: true, consent: { status: "REFUSED_OVERRIDDEN" } },
      ["DEPARTURE", "SHARED_WITHOUT_CONSENT"],
    ],
  ])("%s → %j", (_, overrides, flags) => {
    expect(reviewFlags(input(overrides))).toEqual(flags);
  });
});

describe("reviewDueAt", () => {
  const decidedAt = new Date("2025-03-27T09:30:00Z");

  it.each<[string, "EMERGENCY" | "ROUTINE", "URGENT" | "ROUTINE", string]>([
    ["routine: 28 days (09:30 BST after the clocks change)", "ROUTINE", "ROUTINE", "2025-04-24T08:30:00.000Z"],
    ["routine urgency, urgent flag: 2 days", "ROUTINE", "URGENT", "2025-03-29T09:30:00.000Z"],
    ["emergency: 2 days", "EMERGENCY", "URGENT", "2025-03-29T09:30:00.000Z"],
  ])("%s", (_, urgency, severity, expected) => {
    expect(reviewDueAt(decidedAt, urgency, severity).toISOString()).toBe(expected);
  });

  it("gives a routine flag the normal review period, not the short one (decision 027)", () => {
    // Before 027 every flag meant two days; a no-share with no child at risk is routine now.
    expect(reviewDueAt(decidedAt, "ROUTINE", "ROUTINE").toISOString()).toBe("2025-04-24T08:30:00.000Z");
  });

  it("uses the soonest period an organisation sets", () => {
    const settings: RecordKeepingSettings = {
      reviewWithinDays: { emergency: 1, flagged: 5, routine: 10 },
      retentionYears: 6,
    };
    expect(reviewDueAt(decidedAt, "EMERGENCY", "URGENT", settings).toISOString()).toBe("2025-03-28T09:30:00.000Z");
    // 09:30 BST
    expect(reviewDueAt(decidedAt, "ROUTINE", "URGENT", settings).toISOString()).toBe("2025-04-01T08:30:00.000Z");
    // 09:30 BST
    expect(reviewDueAt(decidedAt, "ROUTINE", "ROUTINE", settings).toISOString()).toBe("2025-04-06T08:30:00.000Z");
  });

  it("refuses nonsense settings", () => {
    const bad = { reviewWithinDays: { emergency: 0, flagged: 2, routine: 28 }, retentionYears: 6 };
    expect(() => reviewDueAt(decidedAt, "ROUTINE", "ROUTINE", bad)).toThrow();
    expect(() =>
      reviewDueAt(decidedAt, "ROUTINE", "ROUTINE", { ...DEFAULT_RECORD_KEEPING_SETTINGS, retentionYears: 1.5 }),
    ).toThrow();
  });
});

describe("retainUntil", () => {
  it("keeps records six years by default", () => {
    expect(DEFAULT_RECORD_KEEPING_SETTINGS.retentionYears).toBe(6);
    expect(retainUntil(new Date("2025-03-27T09:30:00Z")).toISOString()).toBe("2031-03-27T09:30:00.000Z");
  });

  it("uses the organisation's period", () => {
    // 27 March 2050 is the day the clocks go forward: 09:30 UK time is then 08:30 UTC.
    expect(
      retainUntil(new Date("2025-03-27T09:30:00Z"), {
        ...DEFAULT_RECORD_KEEPING_SETTINGS,
        retentionYears: 25,
      }).toISOString(),
    ).toBe("2050-03-27T08:30:00.000Z");
  });

  it("ends a 29 February decision's retention on 28 February", () => {
    expect(retainUntil(new Date("2024-02-29T12:00:00Z")).toISOString()).toBe("2030-02-28T12:00:00.000Z");
    expect(
      retainUntil(new Date("2024-02-29T12:00:00Z"), {
        ...DEFAULT_RECORD_KEEPING_SETTINGS,
        retentionYears: 4,
      }).toISOString(),
    ).toBe("2028-02-29T12:00:00.000Z");
  });
});
