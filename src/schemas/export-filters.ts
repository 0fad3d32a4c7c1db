import { z } from "zod";
import type { AuditOutcome } from "@/domain/audit";
import { DECISION_OUTCOMES, REVIEW_FLAGS } from "@/domain/decision";
import { CASE_REFERENCE_MAX_LENGTH, CASE_REFERENCE_PATTERN, isRealIsoDate } from "@/domain/wizard";

// Filters for the IG lead's CSV exports and the subject access download. They are shared by the export
// form (a GET form whose fields are these keys) and the route handlers, so every value arrives as
// a query-string string. Empty fields mean "any". Unknown keys and repeated keys are refused.
// Every value that reaches SQL is checked against a narrow pattern here, and is still sent only
// as a bind parameter.

// Imported as a type only: @/domain/audit uses node:crypto, and this module may reach the browser.
const AUDIT_OUTCOME_VALUES = ["SUCCESS", "DENIED", "FAILURE"] as const satisfies readonly AuditOutcome[];

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Audit actions look like "decision.record" or "subject-access.export". */
const ACTION_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;
/** What audit events name as their object: decision references, uuids, case references. */
const OBJECT_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;
export const OBJECT_REFERENCE_MAX_LENGTH = 100;
export const ACTION_MAX_LENGTH = 64;

/** Blank form fields (and absent keys) mean "no filter on this". */
function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

/** A single string value: a repeated query key arrives as an array and is refused. */
function text(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `Enter the ${label}` : `Enter one ${label}`) })
    .trim();
}

const caseReference = text("case reference")
  .max(CASE_REFERENCE_MAX_LENGTH, { error: `Case reference must be ${CASE_REFERENCE_MAX_LENGTH} characters or less` })
  .regex(CASE_REFERENCE_PATTERN, {
    error: "Case reference must contain only letters, numbers, hyphens (-) and slashes (/)",
  });

function date(label: "from" | "to") {
  return text(`'${label}' date`).refine(isRealIsoDate, {
    error: `Enter a real '${label}' date in the format YYYY-MM-DD`,
  });
}

function upperCaseChoice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return text("value")
    .toUpperCase()
    .pipe(z.enum(values, { error: message }));
}

const dateRange = {
  from: optional(date("from")),
  to: optional(date("to")),
};

function toNotBeforeFrom(value: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  // YYYY-MM-DD strings sort as the dates they name.
  if (value.from && value.to && value.to < value.from) {
    ctx.addIssue({
      code: "custom",
      path: ["to"],
      message: "The 'to' date must be the same as or after the 'from' date",
    });
  }
}

export const auditEventExportFilterSchema = z
  .strictObject({
    actor: optional(
      text("actor")
        .toLowerCase()
        .regex(UUID_PATTERN, { error: "Actor must be a user id, like 0b6c1f0e-4a1d-4c3e-9f5a-2d7e8b9c0a1f" }),
    ),
    action: optional(
      text("action")
        .toLowerCase()
        .max(ACTION_MAX_LENGTH, { error: `Action must be ${ACTION_MAX_LENGTH} characters or less` })
        .regex(ACTION_PATTERN, { error: "Action must look like decision.record: letters, numbers, hyphens and dots" }),
    ),
    objectReference: optional(
      text("object reference")
        .max(OBJECT_REFERENCE_MAX_LENGTH, {
          error: `Object reference must be ${OBJECT_REFERENCE_MAX_LENGTH} characters or less`,
        })
        .regex(OBJECT_REFERENCE_PATTERN, {
          error: "Object reference must start with a letter or number and contain only letters, numbers and . _ : / -",
        }),
    ),
    caseReference: optional(caseReference),
    outcome: optional(upperCaseChoice(AUDIT_OUTCOME_VALUES, "Outcome must be SUCCESS, DENIED or FAILURE")),
    ...dateRange,
  })
  .superRefine(toNotBeforeFrom);

export type AuditEventExportFilter = z.infer<typeof auditEventExportFilterSchema>;

export const decisionExportFilterSchema = z
  .strictObject({
    outcome: optional(upperCaseChoice(DECISION_OUTCOMES, "Outcome must be SHARE, SHARE_PART or NO_SHARE")),
    flag: optional(upperCaseChoice(REVIEW_FLAGS, `Flag must be one of ${REVIEW_FLAGS.join(", ")}`)),
    caseReference: optional(caseReference),
    ...dateRange,
  })
  .superRefine(toNotBeforeFrom);

export type DecisionExportFilter = z.infer<typeof decisionExportFilterSchema>;

export const SUBJECT_ACCESS_FORMATS = ["json", "csv"] as const;
export type SubjectAccessFormat = (typeof SUBJECT_ACCESS_FORMATS)[number];

export const subjectAccessRequestSchema = z.strictObject({
  caseReference: z.preprocess(blankToUndefined, caseReference),
  format: optional(
    text("format")
      .toLowerCase()
      .pipe(z.enum(SUBJECT_ACCESS_FORMATS, { error: "Format must be json or csv" })),
  ).transform((value) => value ?? "json"),
});

export type SubjectAccessRequest = z.infer<typeof subjectAccessRequestSchema>;

/**
 * A query string as schema input: one key, one string; a repeated key becomes an array, which
 * the schemas refuse. Own properties only, so a key such as "__proto__" is an unknown key like
 * any other rather than a prototype.
 */
export function queryToInput(params: URLSearchParams): Record<string, string | string[]> {
  return Object.fromEntries(
    [...new Set(params.keys())].map((key) => {
      const values = params.getAll(key);
      return [key, values.length === 1 ? values[0]! : values];
    }),
  );
}

/** The filter's non-empty values, in a fixed order, for the audit event's detail. */
export function describeFilter(filter: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filter)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
