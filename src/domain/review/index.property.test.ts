// Property tests of the supervision input schemas and the review queue's cursor: any input gets a
// parsed value or clear per-field errors, never an exception; unknown fields are refused; a cursor
// read from a URL is this app's own or nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileFormInput, hostileString, hostileValue } from "../../../tests/property/hostile";
import { type InputSchemaUnderTest, describeInputSchemasWithHostileInput } from "../../../tests/property/input-schemas";
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

const COMMENT = "The request is about a child's safety at home, so the purpose is clear.";
const FORMS: InputSchemaUnderTest[] = [
  {
    name: "review",
    schema: reviewInputSchema,
    fields: ["kind", "comment", "actionRequired"],
    strict: true,
    valid: { kind: "CHALLENGE", comment: COMMENT, actionRequired: "Speak to the housing officer, then reconsider." },
  },
  { name: "reply", schema: replyInputSchema, fields: ["comment"], strict: true, valid: { comment: COMMENT } },
  { name: "escalation", schema: escalationInputSchema, fields: ["reason"], strict: true, valid: { reason: COMMENT } },
  {
    name: "resolve escalation",
    schema: resolveEscalationInputSchema,
    fields: ["escalationId", "resolution"],
    strict: true,
    valid: { escalationId: "0b6c1f0e-4a1d-4c3e-9f5a-2d7e8b9c0a1f", resolution: COMMENT },
  },
  {
    name: "queue filter",
    schema: queueFilterSchema,
    fields: ["flag", "outcome", "practitioner", "from", "to", "after"],
    strict: false,
    valid: {
      flag: "DEPARTURE",
      outcome: "SHARE",
      practitioner: "0b6c1f0e-4a1d-4c3e-9f5a-2d7e8b9c0a1f",
      from: "2025-01-01",
      to: "2025-01-31",
      after: "abc",
    },
  },
];

describeInputSchemasWithHostileInput(FORMS, RUNS);

describe("accepted supervision input", () => {
  it("keeps comments within their limit and never empty where one is required", () => {
    fc.assert(
      fc.property(hostileFormInput(["kind", "comment", "actionRequired"]), (input) => {
        const result = reviewInputSchema.safeParse(input);
        if (!result.success) return;
        if (result.data.kind !== "ENDORSEMENT") expect(result.data.comment?.trim().length).toBeGreaterThan(0);
        if (result.data.kind === "CHALLENGE") expect(result.data.actionRequired?.trim().length).toBeGreaterThan(0);
        for (const text of [result.data.comment, result.data.actionRequired])
          if (text) expect(text.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the review queue cursor", () => {
  it("decodes anything from a URL to null or a cursor this app could have made, without throwing", () => {
    const base64ish = fc.oneof(
      hostileString,
      fc.string({
        unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_="),
        maxLength: 250,
      }),
    );
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
      fc.property(
        fc.boolean(),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
        fc.uuid(),
        (flagged, date, decisionId) => {
          const cursor = { flagged, recordedAt: date.toISOString(), decisionId };
          expect(decodeQueueCursor(encodeQueueCursor(cursor))).toEqual(cursor);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
