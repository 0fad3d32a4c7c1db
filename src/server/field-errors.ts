import type { z } from "zod";
import { type FieldErrors, FORM_ERROR_KEY } from "@/domain/errors";

export type { FieldError, FieldErrors } from "@/domain/errors";

/** Errors in GOV.UK form order: one message per field, first problem first. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const seen = new Set<string>();
  const errors: FieldErrors = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys
        .map((k) => k.slice(0, 40))
        .join(", ")
        .slice(0, 200);
      errors.push({ field: FORM_ERROR_KEY, message: `The form contained fields it does not accept: ${keys}` });
      continue;
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : FORM_ERROR_KEY;
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  return errors;
}
