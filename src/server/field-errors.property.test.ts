// What the server turns any schema refusal into: one short message per field, the form first,
// whatever keys and values were posted (unknown keys are named, shortened; React escapes them).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hostileFormInput, hostileKey, hostileValue } from "../../tests/property/hostile";
import { FORM_ERROR_KEY } from "@/domain/errors";
import { fieldErrorsFrom } from "./field-errors";

const schema = z.strictObject({
  name: z.string().trim().min(1).max(20),
  count: z.coerce.number().int().min(1).max(9),
  when: z.iso.date().optional(),
});

describe("fieldErrorsFrom", () => {
  it("gives at most one short message per field, for any refused input", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileFormInput(["name", "count", "when"]),
          fc.tuple(hostileKey, hostileValue).map(([k, v]) => ({ [k]: v })),
        ),
        (input) => {
          const result = schema.safeParse(input);
          if (result.success) return;
          const errors = fieldErrorsFrom(result.error);
          expect(errors.length).toBeGreaterThan(0);
          for (const error of errors) {
            expect(typeof error.field).toBe("string");
            expect(error.message.length).toBeGreaterThan(0);
            expect(error.message.length).toBeLessThanOrEqual(300);
          }
          const named = errors.filter((e) => e.field !== FORM_ERROR_KEY).map((e) => e.field);
          expect(new Set(named).size).toBe(named.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
