import { describe, expect, it } from "vitest";
import { changedHours, responseTimesSchema } from "./response-times";

const PARTNERSHIP_ID = "0b6c1f0e-4a1d-4c3e-9f5a-2d7e8b9c0a1f";

function errorsOf(input: Record<string, string>) {
  const result = responseTimesSchema.safeParse({ partnershipId: PARTNERSHIP_ID, ...input });
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describe("a partnership's response times", () => {
  it("reads three whole numbers of hours", () => {
    expect(responseTimesSchema.parse({ partnershipId: PARTNERSHIP_ID, red: " 2 ", amber: "8", green: "240" })).toEqual({
      partnershipId: PARTNERSHIP_ID,
      hours: { RED: 2, AMBER: 8, GREEN: 240 },
    });
  });
  it.each([
    [{ red: "", amber: "24", green: "72" }, ["red", "Enter the Red response time in working hours"]],
    [{ red: "4", amber: "1.5", green: "72" }, ["amber", "Amber response time must be a whole number of hours, like 4"]],
    [{ red: "4", amber: "24", green: "-3" }, ["green", "Green response time must be a whole number of hours, like 4"]],
    [{ red: "0", amber: "24", green: "72" }, ["red", "Red response time must be between 1 and 240 working hours"]],
    [{ red: "4", amber: "24", green: "241" }, ["green", "Green response time must be between 1 and 240 working hours"]],
  ])("%o -> %o", (input, error) => {
    expect(errorsOf(input)).toEqual([error]);
  });
  it("keeps Red faster than Amber, and Amber faster than Green", () => {
    expect(errorsOf({ red: "24", amber: "24", green: "72" })).toEqual([
      ["amber", "Amber response time must be longer than Red (24 hours)"],
    ]);
    expect(errorsOf({ red: "1", amber: "80", green: "72" })).toEqual([
      ["green", "Green response time must be longer than Amber (80 hours)"],
    ]);
    expect(errorsOf({ red: "20", amber: "16", green: "" })).toEqual([
      ["green", "Enter the Green response time in working hours"],
      ["amber", "Amber response time must be longer than Red (20 hours)"],
    ]);
    expect(errorsOf({ red: "1", amber: "1", green: "1" })).toEqual([
      ["amber", "Amber response time must be longer than Red (1 hour)"],
      ["green", "Green response time must be longer than Amber (1 hour)"],
    ]);
  });
  it("refuses a partnership that is not an id and fields it does not know", () => {
    expect(responseTimesSchema.safeParse({ partnershipId: "x", red: "4", amber: "24", green: "72" }).success).toBe(
      false,
    );
    expect(
      responseTimesSchema.safeParse({ partnershipId: PARTNERSHIP_ID, red: "4", amber: "24", green: "72", blue: "1" })
        .success,
    ).toBe(false);
  });
  it("records only what changed", () => {
    expect(changedHours({ RED: 4, AMBER: 24, GREEN: 72 }, { RED: 4, AMBER: 16, GREEN: 72 })).toEqual({
      before: { AMBER: 24 },
      after: { AMBER: 16 },
    });
  });
});
