// Property tests of the supervision input schemas and the review queue's cursor: any input gets a
// parsed value or clear per-field errors, never an exception; unknown fields are refused; a cursor
// read from a URL is this app's own or nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { SCRIPT_PAYLOAD, hostileFormInput, hostileKey, hostileString, hostileValue, isClearMessage } from "../../../tests/property/hostile";
import {
  COMMENT_MAX_LENGTH,
  decodeQueueCursor,
  encodeQueueCursor,
  escalationInputSchema,
  queueFilterSchema,
  replyInputSchema,
  resolveEscalationInputSchema,
  reviewInputSchema,
} from "./index";

const RUNS = 150;

const FORMS: Array<{ name: string; schema: z.ZodType; fields: string[]; strict: boolean }> = [
  { name: "review", schema: reviewInputSchema, fields: ["kind", "comment", "actionRequired"], strict: true },
  { name: "reply", schema: replyInputSchema, fields: ["comment"], strict: true },
  { name: "escalation", schema: escalationInputSchema, fields: ["reason"], strict: true },
  { name: "resolve escalation", schema: resolveEscalationInputSchema, fields: ["escalationId", "resolution"], strict: true },
  { name: "queue filter", schema: queueFilterSchema, fields: ["flag", "outcome", "practitioner", "from", "to", "after"], strict: false },
];

/**
 * Zod's own message for an unknown key names the key; the server never shows it as it is
 * (src/server/field-errors.ts shortens it and React escapes it), so only the other issues are
 * held to "clear, and never the posted value".
 */
function expectClearIssues(error: z.ZodError, fields: string[]): void {
  expect(error.issues.length).toBeGreaterThan(0);
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") continue;
    expect(isClearMessage(issue.message), JSON.stringify(issue.message)).toBe(true);
    expect(issue.message).not.toContain(SCRIPT_PAYLOAD);
    if (issue.path.length > 0) expect(fields).toContain(String(issue.path[0]));
  }
}

describe.each(FORMS)("the $name schema with hostile input", ({ schema, fields }) => {
  it("never throws, and explains every refusal field by field", () => {
    fc.assert(
      fc.property(hostileFormInput(fields), (input) => {
        const result = schema.safeParse(input);
        if (!result.success) expectClearIssues(result.error, fields);
      }),
      { numRuns: RUNS },
    );
  });

});

describe.each(FORMS.filter((form) => form.strict))("the $name schema", ({ schema, fields }) => {
  it("refuses any field the form does not have", () => {
    fc.assert(
      fc.property(hostileFormInput(fields), hostileKey, hostileValue, (input, key, value) => {
        fc.pre(!fields.includes(key) && typeof input === "object" && input !== null && !Array.isArray(input));
        const withExtra = Object.defineProperty({ ...(input as object) }, key, { value, enumerable: true, configurable: true, writable: true });
        expect(schema.safeParse(withExtra).success).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("accepted supervision input", () => {
  it("keeps comments within their limit and never empty where one is required", () => {
    fc.assert(
      fc.property(hostileFormInput(["kind", "comment", "actionRequired"]), (input) => {
        const result = reviewInputSchema.safeParse(input);
        if (!result.success) return;
        if (result.data.kind !== "ENDORSEMENT") expect(result.data.comment?.trim().length).toBeGreaterThan(0);
        if (result.data.kind === "CHALLENGE") expect(result.data.actionRequired?.trim().length).toBeGreaterThan(0);
        for (const text of [result.data.comment, result.data.actionRequired]) if (text) expect(text.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the review queue cursor", () => {
  it("decodes anything from a URL to null or a cursor this app could have made, without throwing", () => {
    const base64ish = fc.oneof(hostileString, fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_="), maxLength: 250 }));
    const jsonCursor = fc
      .record({ f: hostileValue, r: hostileValue, d: hostileValue })
      .map((value) => Buffer.from(JSON.stringify(value) ?? "", "utf8").toString("base64url"));
    fc.assert(
      fc.property(fc.oneof(base64ish, jsonCursor, fc.constant(undefined)), (raw) => {
        const cursor = decodeQueueCursor(raw);
        if (cursor === null) return;
        expect(typeof cursor.flagged).toBe("boolean");
        expect(Number.isNaN(Date.parse(cursor.recordedAt))).toBe(false);
        expect(cursor.decisionId).toMatch(/^[0-9a-f-]{36}$/i);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it("round-trips every cursor it makes", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), fc.uuid(), (flagged, date, decisionId) => {
        const cursor = { flagged, recordedAt: date.toISOString(), decisionId };
        expect(decodeQueueCursor(encodeQueueCursor(cursor))).toEqual(cursor);
      }),
      { numRuns: RUNS },
    );
  });
});
