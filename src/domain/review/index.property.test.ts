// Property tests of the supervision input schemas: any input gets a parsed value or clear per-field
// errors, never an exception; unknown fields are refused. (The queue cursor's are in index.test.ts.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileFormInput } from "../../../tests/property/hostile";
import { type InputSchemaUnderTest, describeInputSchemasWithHostileInput } from "../../../tests/property/input-schemas";
import {
  COMMENT_MAX_LENGTH,
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
