// Property tests of every input schema in src/schemas (sign-in, organisation settings, retention,
// audit search, export filters, subject access): any input gets a parsed value or clear per-field
// errors, never an exception; unknown fields are refused where the form is strict; and whatever is
// accepted is within the limits the rest of the app relies on (values that reach SQL match narrow
// patterns, numbers are in range, redirects stay on this site).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostileString } from "../../tests/property/hostile";
import { type InputSchemaUnderTest, describeInputSchemasWithHostileInput } from "../../tests/property/input-schemas";
import { auditSearchSchema } from "./audit-search";
import { auditEventExportFilterSchema, decisionExportFilterSchema, subjectAccessRequestSchema } from "./export-filters";
import { organisationSettingsSchema } from "./organisation-settings";
import { disposeDecisionSchema, extendRetentionSchema } from "./retention";
import { safeCallbackPath, signInSchema } from "./sign-in";

const RUNS = 150;

const USER_ID = "0b6c1f0e-4a1d-4c3e-9f5a-2d7e8b9c0a1f";
const REASON = "The court asked for the record to be kept until proceedings end.";
const DATES = { from: "2025-01-01", to: "2025-01-31" };
const WHO_AND_WHAT = { actor: USER_ID, action: "decision.record", caseReference: "CS-2025/1", outcome: "SUCCESS" };

const SCHEMAS: InputSchemaUnderTest[] = [
  {
    name: "sign-in",
    schema: signInSchema,
    fields: ["email", "password", "callbackUrl"],
    strict: true,
    valid: { email: "sam.patel@northshire.example", password: "InfoShare-demo-2026", callbackUrl: "/decisions" },
  },
  {
    name: "organisation settings",
    schema: organisationSettingsSchema,
    fields: ["reviewWithinDaysEmergency", "reviewWithinDaysFlagged", "reviewWithinDaysRoutine", "retentionYears"],
    strict: true,
    valid: {
      reviewWithinDaysEmergency: "1",
      reviewWithinDaysFlagged: "7",
      reviewWithinDaysRoutine: "28",
      retentionYears: "6",
    },
  },
  {
    name: "extend retention",
    schema: extendRetentionSchema,
    fields: ["reference", "retainUntil", "reason"],
    strict: true,
    valid: { reference: "DEC-7K4Q-AB12", retainUntil: "2031-01-01", reason: REASON },
  },
  {
    name: "dispose of a record",
    schema: disposeDecisionSchema,
    fields: ["reference", "confirm"],
    strict: true,
    valid: { reference: "DEC-7K4Q-AB12", confirm: "yes" },
  },
  {
    name: "audit search",
    schema: auditSearchSchema,
    fields: ["actor", "action", "reference", "caseReference", "outcome", "from", "to", "before"],
    strict: false,
    valid: { ...WHO_AND_WHAT, reference: "DEC-7K4Q-AB12", ...DATES, before: "123" },
  },
  {
    name: "audit export filter",
    schema: auditEventExportFilterSchema,
    fields: ["actor", "action", "objectReference", "caseReference", "outcome", "from", "to"],
    strict: true,
    valid: { ...WHO_AND_WHAT, objectReference: "DEC-7K4Q-AB12", ...DATES },
  },
  {
    name: "decision export filter",
    schema: decisionExportFilterSchema,
    fields: ["outcome", "flag", "caseReference", "from", "to"],
    strict: true,
    valid: { outcome: "SHARE", flag: "DEPARTURE", caseReference: "CS-2025/1", ...DATES },
  },
  {
    name: "subject access request",
    schema: subjectAccessRequestSchema,
    fields: ["caseReference", "format"],
    strict: true,
    valid: { caseReference: "CS-2025/1", format: "csv" },
  },
];

/** Hostile strings, the values a real request carries, and any other kinds of string given. */
function hostileOr(plausible: string[], ...others: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.oneof(hostileString, fc.constantFrom(...plausible), ...others);
}

describeInputSchemasWithHostileInput(SCHEMAS, RUNS);

describe("what the schemas accept", () => {
  it("export filters: every accepted value matches the narrow pattern it is bound as in SQL", () => {
    const values = hostileOr([
      "decision.record",
      "SHARE",
      "no_share",
      "DENIED",
      "2025-01-31",
      "CS-2025/000123",
      "0b6c1f0e-4a1d-4c3e-9f5a-2d7e8b9c0a1f",
    ]);
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom("actor", "action", "objectReference", "caseReference", "outcome", "from", "to", "flag"),
          values,
        ),
        (input) => {
          for (const schema of [auditEventExportFilterSchema, decisionExportFilterSchema] as const) {
            const result = schema.safeParse(input);
            if (!result.success) continue;
            for (const [key, value] of Object.entries(result.data as Record<string, string | undefined>)) {
              if (value === undefined) continue;
              expect(value, key).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/);
              expect(value.length, key).toBeLessThanOrEqual(100);
            }
          }
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("organisation settings: accepted numbers are whole and in range", () => {
    const number = fc.oneof(hostileString, fc.integer({ min: -1000, max: 1000 }).map(String), fc.double().map(String));
    fc.assert(
      fc.property(
        fc.record({
          reviewWithinDaysEmergency: number,
          reviewWithinDaysFlagged: number,
          reviewWithinDaysRoutine: number,
          retentionYears: number,
        }),
        (input) => {
          const result = organisationSettingsSchema.safeParse(input);
          if (!result.success) return;
          for (const days of [
            result.data.reviewWithinDaysEmergency,
            result.data.reviewWithinDaysFlagged,
            result.data.reviewWithinDaysRoutine,
          ]) {
            expect(Number.isInteger(days) && days >= 1 && days <= 365).toBe(true);
          }
          expect(
            Number.isInteger(result.data.retentionYears) &&
              result.data.retentionYears >= 1 &&
              result.data.retentionYears <= 100,
          ).toBe(true);
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });

  it("audit search: an accepted 'before' is a whole number (the page cursor)", () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.bigInt({ min: 0n, max: 10n ** 19n }).map(String)), (before) => {
        const result = auditSearchSchema.safeParse({ before });
        if (result.success && result.data.before !== undefined) expect(result.data.before).toMatch(/^\d{1,19}$/);
      }),
      { numRuns: RUNS },
    );
  });

  it("sign-in: the address after sign-in is always a path on this site, never another site", () => {
    const callback = hostileOr(
      [
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/",
        "/%2F%2Fevil.example",
        "/\t/evil.example",
        "/decisions",
        "/sign-in?x=1",
        "/api/auth/signout",
      ],
      fc.webUrl(),
      fc.webPath(),
    );
    fc.assert(
      fc.property(callback, (raw) => {
        const path = safeCallbackPath(raw);
        if (path === null) return;
        expect(path.startsWith("/")).toBe(true);
        expect(path.startsWith("//") || path.startsWith("/\\")).toBe(false);
        // What a browser would resolve it to stays on this origin.
        expect(new URL(path, "https://infoshare.example").origin).toBe("https://infoshare.example");
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
