import { describe, expect, it } from "vitest";
import { decodeTeamViewCursor, encodeTeamViewCursor, teamViewFilterSchema } from "./team-view";

describe("teamViewFilterSchema", () => {
  it("treats blank fields as no filter", () => {
    expect(teamViewFilterSchema.parse({ status: "", flagged: "", from: "", to: "", after: "" })).toEqual({});
  });
  it("accepts a review status, a flag filter and a UK date range", () => {
    expect(
      teamViewFilterSchema.parse({ status: "ENDORSED", flagged: "urgent", from: "2026-03-01", to: "2026-03-31" }),
    ).toEqual({ status: "ENDORSED", flagged: "urgent", from: "2026-03-01", to: "2026-03-31" });
  });
  it("refuses an unknown status, an unknown flag filter and a date that is not a real day", () => {
    expect(teamViewFilterSchema.safeParse({ status: "DONE" }).success).toBe(false);
    expect(teamViewFilterSchema.safeParse({ flagged: "yes" }).success).toBe(false);
    expect(teamViewFilterSchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
  });
  it("refuses a range that ends before it starts", () => {
    const result = teamViewFilterSchema.safeParse({ from: "2026-04-02", to: "2026-04-01" });
    expect(result.error?.issues[0]?.message).toBe("The start date must be on or before the end date");
  });
});

describe("team view cursor", () => {
  const cursor = { recordedAt: "2026-03-04T10:00:00.000Z", decisionId: "0b1f4c5e-8a77-4a11-9d54-1f1b2c3d4e5f" };
  it("round-trips", () => {
    expect(decodeTeamViewCursor(encodeTeamViewCursor(cursor))).toEqual(cursor);
  });
  it("returns null for anything it did not make", () => {
    expect(decodeTeamViewCursor(undefined)).toBeNull();
    expect(decodeTeamViewCursor("not-a-cursor")).toBeNull();
    expect(decodeTeamViewCursor(Buffer.from(JSON.stringify({ r: "yesterday", d: "x" })).toString("base64url"))).toBe(
      null,
    );
    expect(decodeTeamViewCursor("a".repeat(201))).toBeNull();
  });
});
