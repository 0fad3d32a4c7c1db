// The two properties every input schema is held to, shared by the schema property tests
// (src/schemas/schemas.property.test.ts, src/domain/review/index.property.test.ts). Test-only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  SCRIPT_PAYLOAD,
  hostileFormInput,
  hostileKey,
  hostileValue,
  isClearMessage,
  validWithHostileFields,
} from "./hostile";

export interface InputSchemaUnderTest {
  name: string;
  schema: z.ZodType;
  fields: string[];
  /** Refuses fields the form does not have. */
  strict: boolean;
  /**
   * One input the schema accepts. Hostile values are put into it field by field, so they get past
   * the first guards (a missing required field, say) and reach each field's own validation.
   */
  valid: Record<string, unknown>;
}

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

/**
 * Hostile input never throws and is refused field by field; strict schemas refuse extra fields.
 * Each property also checks that its inputs reached what it claims to test: some were accepted,
 * and every field's own validation refused some of them.
 */
export function describeInputSchemasWithHostileInput(schemas: InputSchemaUnderTest[], numRuns: number): void {
  describe.each(schemas)("the $name schema with hostile input", ({ schema, fields, valid }) => {
    it("accepts its valid example", () => {
      expect(schema.safeParse(valid).success).toBe(true);
    });

    it("never throws, and explains every refusal field by field", () => {
      let accepted = 0;
      const refusedFields = new Set<string>();
      fc.assert(
        fc.property(fc.oneof(hostileFormInput(fields), validWithHostileFields(valid, fields)), (input) => {
          const result = schema.safeParse(input);
          if (result.success) accepted += 1;
          else {
            expectClearIssues(result.error, fields);
            for (const issue of result.error.issues) {
              if (issue.path.length > 0) refusedFields.add(String(issue.path[0]));
            }
          }
        }),
        { numRuns },
      );
      expect(accepted, "inputs the schema accepted").toBeGreaterThan(0);
      expect([...refusedFields].sort(), "fields whose own validation refused an input").toEqual([...fields].sort());
    });
  });

  describe.each(schemas.filter((s) => s.strict))("the $name schema", ({ schema, fields, valid }) => {
    it("refuses any field the form does not have", () => {
      fc.assert(
        // The input is otherwise valid, so the extra field is the only reason to refuse it.
        fc.property(hostileKey, hostileValue, (key, value) => {
          fc.pre(!fields.includes(key));
          const property = { value, enumerable: true, configurable: true, writable: true };
          const withExtra = Object.defineProperty({ ...valid }, key, property);
          expect(schema.safeParse(withExtra).success).toBe(false);
        }),
        { numRuns },
      );
    });
  });
}
