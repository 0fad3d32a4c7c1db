import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileKey, hostileString } from "../../tests/property/hostile";
import {
  auditEventExportFilterSchema,
  decisionExportFilterSchema,
  describeFilter,
  queryToInput,
  subjectAccessRequestSchema,
} from "./export-filters";

const ACTOR = "0b6c1f0e-4a1d-4c3e-9f5a-2d7e8b9c0a1f";

function messages(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe("auditEventExportFilterSchema", () => {
  it("accepts an empty filter (the whole log)", () => {
    expect(auditEventExportFilterSchema.parse({})).toEqual({});
  });

  it("treats blank form fields as no filter", () => {
    expect(auditEventExportFilterSchema.parse({ actor: "", action: "  ", outcome: "", from: "", to: "" })).toEqual({});
  });

  it("accepts and normalises every filter", () => {
    expect(
      auditEventExportFilterSchema.parse({
        actor: ` ${ACTOR.toUpperCase()} `,
        action: " Decision.Record ",
        objectReference: "DEC-7K4Q-M2XD",
        caseReference: " CS-2024/0173 ",
        outcome: "denied",
        from: "2026-01-01",
        to: "2026-01-31",
      }),
    ).toEqual({
      actor: ACTOR,
      action: "decision.record",
      objectReference: "DEC-7K4Q-M2XD",
      caseReference: "CS-2024/0173",
      outcome: "DENIED",
      from: "2026-01-01",
      to: "2026-01-31",
    });
  });

  it("accepts a one-day range and actions with hyphens", () => {
    expect(
      auditEventExportFilterSchema.safeParse({ action: "subject-access.export", from: "2026-03-01", to: "2026-03-01" })
        .success,
    ).toBe(true);
  });

  it.each([
    [{ actor: "priya" }, "Actor must be a user id, like 0b6c1f0e-4a1d-4c3e-9f5a-2d7e8b9c0a1f"],
    [{ action: "decision record" }, "Action must look like decision.record: letters, numbers, hyphens and dots"],
    [{ action: "a".repeat(65) }, "Action must be 64 characters or less"],
    [
      { objectReference: "-DEC" },
      "Object reference must start with a letter or number and contain only letters, numbers and . _ : / -",
    ],
    [{ objectReference: "x".repeat(101) }, "Object reference must be 100 characters or less"],
    [{ caseReference: "CS 2024" }, "Case reference must contain only letters, numbers, hyphens (-) and slashes (/)"],
    [{ outcome: "MAYBE" }, "Outcome must be SUCCESS, DENIED or FAILURE"],
    [{ from: "2026-02-30" }, "Enter a real 'from' date in the format YYYY-MM-DD"],
    [{ to: "31/01/2026" }, "Enter a real 'to' date in the format YYYY-MM-DD"],
    [{ from: "2026-02-01", to: "2026-01-31" }, "The 'to' date must be the same as or after the 'from' date"],
  ])("rejects %j", (input, message) => {
    const result = auditEventExportFilterSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(messages(result)).toContain(message);
  });

  it("puts the date-order problem on the 'to' field", () => {
    const result = auditEventExportFilterSchema.safeParse({ from: "2026-02-01", to: "2026-01-31" });
    expect(result.error?.issues[0]?.path).toEqual(["to"]);
  });

  it.each([
    ["SQL", { caseReference: "x' OR '1'='1" }],
    ["SQL comment", { action: "decision.record;--" }],
    ["a LIKE wildcard", { caseReference: "CS-%" }],
    ["an enum injection", { outcome: "SUCCESS'::text--" }],
    ["markup", { objectReference: "<script>alert(1)</script>" }],
    ["a formula", { objectReference: '=HYPERLINK("x")' }],
    ["control characters", { caseReference: "CS-1\u0000" }],
    ["a newline", { action: "decision.record\nx" }],
    ["a huge value", { caseReference: "A".repeat(100_000) }],
    ["an unknown key", { organisationId: ACTOR }],
    ["a repeated key (array)", { action: ["decision.record", "decision.view"] }],
    ["a number", { actor: 42 }],
    ["an object", { from: { $gt: "" } }],
  ])("rejects hostile input: %s", (_name, input) => {
    expect(auditEventExportFilterSchema.safeParse(input).success).toBe(false);
  });

  it("says to give one value when a key is repeated", () => {
    expect(messages(auditEventExportFilterSchema.safeParse({ action: ["a", "b"] }))).toContain("Enter one action");
  });
});

describe("decisionExportFilterSchema", () => {
  it("accepts every filter, any case", () => {
    expect(
      decisionExportFilterSchema.parse({
        outcome: "no_share",
        flag: "departure",
        caseReference: "CS-1",
        from: "2026-01-01",
        to: "2026-12-31",
      }),
    ).toEqual({ outcome: "NO_SHARE", flag: "DEPARTURE", caseReference: "CS-1", from: "2026-01-01", to: "2026-12-31" });
  });

  it("accepts an empty filter", () => {
    expect(decisionExportFilterSchema.parse({ outcome: "", flag: "" })).toEqual({});
  });

  it.each([
    [{ outcome: "MAYBE" }, "Outcome must be SHARE, SHARE_PART or NO_SHARE"],
    [{ flag: "URGENT" }, "Flag must be one of DEPARTURE, EMERGENCY, SHARED_WITHOUT_CONSENT, NO_SHARE"],
    [{ from: "2026-13-01" }, "Enter a real 'from' date in the format YYYY-MM-DD"],
    [{ from: "2026-06-02", to: "2026-06-01" }, "The 'to' date must be the same as or after the 'from' date"],
    [{ action: "decision.record" }, "The form contained fields it does not accept"],
  ])("rejects %j", (input, message) => {
    const result = decisionExportFilterSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (message.startsWith("The form")) {
      expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
    } else {
      expect(messages(result)).toContain(message);
    }
  });

  it.each([
    { caseReference: "'; DROP TABLE decision; --" },
    { flag: ["DEPARTURE", "EMERGENCY"] },
    { outcome: "SHARE\u0000" },
  ])("rejects hostile input %j", (input) => {
    expect(decisionExportFilterSchema.safeParse(input).success).toBe(false);
  });
});

describe("subjectAccessRequestSchema", () => {
  it("defaults to JSON", () => {
    expect(subjectAccessRequestSchema.parse({ caseReference: " CS-2024/0173 " })).toEqual({
      caseReference: "CS-2024/0173",
      format: "json",
    });
  });

  it("accepts CSV in any case", () => {
    expect(subjectAccessRequestSchema.parse({ caseReference: "CS-1", format: "CSV" })).toEqual({
      caseReference: "CS-1",
      format: "csv",
    });
  });

  it.each([
    [{}, "Enter the case reference"],
    [{ caseReference: "   " }, "Enter the case reference"],
    [{ caseReference: "CS-1", format: "xml" }, "Format must be json or csv"],
    [{ caseReference: "CS 1" }, "Case reference must contain only letters, numbers, hyphens (-) and slashes (/)"],
    [{ caseReference: ["CS-1", "CS-2"] }, "Enter one case reference"],
  ])("rejects %j", (input, message) => {
    const result = subjectAccessRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(messages(result)).toContain(message);
  });
});

describe("queryToInput", () => {
  it("gives one string per key and an array for a repeated key", () => {
    expect(queryToInput(new URLSearchParams("action=decision.record&from=&x=1&x=2"))).toEqual({
      action: "decision.record",
      from: "",
      x: ["1", "2"],
    });
  });

  it("keeps __proto__ as an ordinary (and then unknown) key", () => {
    const input = queryToInput(new URLSearchParams("__proto__=x&constructor=y"));
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    expect(Object.keys(input)).toEqual(["__proto__", "constructor"]);
    expect(auditEventExportFilterSchema.safeParse(input).success).toBe(false);
  });

  it("decodes percent-encoding before validation", () => {
    const input = queryToInput(new URLSearchParams("caseReference=CS-2024%2F0173"));
    expect(auditEventExportFilterSchema.parse(input)).toEqual({ caseReference: "CS-2024/0173" });
  });

  it("gives any query string one value per key, as a list where repeated, and nothing reaches a prototype", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(hostileKey, fc.constantFrom("caseReference", "format")), hostileString), {
          maxLength: 8,
        }),
        (pairs) => {
          const input = queryToInput(new URLSearchParams(pairs));
          expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
          const result = subjectAccessRequestSchema.safeParse(input);
          if (result.success) expect(["json", "csv"]).toContain(result.data.format);
          for (const key of Object.keys(describeFilter(Object.fromEntries(pairs)))) expect(typeof key).toBe("string");
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("describeFilter", () => {
  it("keeps the values given, in key order", () => {
    expect(describeFilter({ to: "2026-01-02", action: "decision.record", actor: undefined })).toEqual({
      action: "decision.record",
      to: "2026-01-02",
    });
  });
});
