import type { z } from "zod";

/** Errors in GOV.UK form order: one message per field, first problem first. */
export type FieldErrors = { field: string; message: string }[];

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const seen = new Set<string>();
  const errors: FieldErrors = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      errors.push({ field: "form", message: `The form contained fields it does not accept: ${issue.keys.map((k) => k.slice(0, 40)).join(", ").slice(0, 200)}` });
      continue;
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return errors;
}
