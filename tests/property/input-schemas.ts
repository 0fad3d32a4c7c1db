// The two properties every input schema is held to, shared by the schema property tests
// (src/schemas/schemas.property.test.ts, src/domain/review/index.property.test.ts). Test-only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { SCRIPT_PAYLOAD, hostileFormInput, hostileKey, hostileValue, isClearMessage } from "./hostile";

export interface InputSchemaUnderTest {
  name: string;
  schema: z.ZodType;
  fields: string[];
  /** Refuses fields the form does not have. */
  strict: boolean;
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

/** Hostile input never throws and is refused field by field; strict schemas refuse extra fields. */
export function describeInputSchemasWithHostileInput(schemas: InputSchemaUnderTest[], numRuns: number): void {
  describe.each(schemas)("the $name schema with hostile input", ({ schema, fields }) => {
    it("never throws, and explains every refusal field by field", () => {
      fc.assert(
        fc.property(hostileFormInput(fields), (input) => {
          const result = schema.safeParse(input);
          if (!result.success) expectClearIssues(result.error, fields);
        }),
        { numRuns },
      );
    });
  });

  describe.each(schemas.filter((s) => s.strict))("the $name schema", ({ schema, fields }) => {
    it("refuses any field the form does not have", () => {
      fc.assert(
        fc.property(hostileFormInput(fields), hostileKey, hostileValue, (input, key, value) => {
          fc.pre(!fields.includes(key) && typeof input === "object" && input !== null && !Array.isArray(input));
          const withExtra = Object.defineProperty({ ...(input as object) }, key, { value, enumerable: true, configurable: true, writable: true });
          expect(schema.safeParse(withExtra).success).toBe(false);
        }),
        { numRuns },
      );
    });
  });
}
