import { describe, expect, it } from "vitest";
import { shareConfirmationProblems, shareConfirmationSchema } from "./share-confirmation";

const SHARED = { outcome: "SHARE" as const, decisionDate: "2026-11-20", alreadyConfirmed: false };

describe("confirming a share as done (issue 11)", () => {
  it("needs a real date and a method from the list", () => {
    expect(shareConfirmationSchema.safeParse({ sharedOn: "2026-11-21", method: "phone" }).success).toBe(true);
    expect(shareConfirmationSchema.safeParse({ sharedOn: "2026-02-30", method: "phone" }).success).toBe(false);
    expect(shareConfirmationSchema.safeParse({ sharedOn: "2026-11-21", method: "pigeon" }).success).toBe(false);
  });

  it("is for decisions to share, once, between the decision and today", () => {
    const input = { sharedOn: "2026-11-21", method: "phone" as const };
    expect(shareConfirmationProblems(input, SHARED, "2026-11-29")).toEqual([]);
    expect(shareConfirmationProblems(input, { ...SHARED, outcome: "NO_SHARE" }, "2026-11-29")[0]?.message).toContain(
      "not to share",
    );
    expect(shareConfirmationProblems(input, { ...SHARED, alreadyConfirmed: true }, "2026-11-29")[0]?.message).toContain(
      "already been confirmed",
    );
    expect(shareConfirmationProblems(input, SHARED, "2026-11-20")[0]?.field).toBe("sharedOn");
    expect(shareConfirmationProblems({ ...input, sharedOn: "2026-11-19" }, SHARED, "2026-11-29")[0]?.field).toBe(
      "sharedOn",
    );
  });
});
