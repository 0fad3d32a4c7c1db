import { describe, expect, it } from "vitest";
import { auditSearchSchema } from "./audit-search";

describe("auditSearchSchema", () => {
  it("treats blank fields as no filter", () => {
    const blank = { actor: "", action: " ", reference: "", caseReference: "", outcome: "", from: "", to: "" };
    expect(auditSearchSchema.parse(blank)).toEqual({});
  });
  it("accepts a full filter", () => {
    const filter = {
      actor: "6f1c1e3e-1111-4222-8333-944455556666",
      action: "decision.view",
      reference: "DEC-7K4Q-M2XD",
      caseReference: "CS-1",
      outcome: "DENIED",
      from: "2026-01-01",
      to: "2026-01-31",
      before: "12345",
    };
    expect(auditSearchSchema.parse(filter)).toEqual(filter);
  });
  it.each([
    [{ actor: "not-a-uuid" }],
    [{ action: "DROP TABLE audit_event;" }],
    [{ outcome: "MAYBE" }],
    [{ from: "2026-02-30" }],
    [{ before: "-1" }],
    [{ before: "1e9" }],
    [{ before: "9223372036854775808" }],
    [{ before: "9999999999999999999" }],
    [{ reference: "x".repeat(61) }],
  ])("rejects %j", (input) => {
    expect(auditSearchSchema.safeParse(input).success).toBe(false);
  });
});
