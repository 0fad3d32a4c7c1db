import { z } from "zod";
import type { OrganisationKind } from "../lawful-basis";

export type FieldKind = "radios" | "checkboxes" | "textarea" | "text" | "date";

export interface FieldOption {
  value: string;
  label: string;
  hint?: string;
  /** Names of fields shown underneath this option only when it is selected (GOV.UK conditional reveal). */
  revealsFields?: readonly string[];
  /** Offer the option only to these kinds of organisation. */
  onlyFor?: readonly OrganisationKind[];
  /** Set per draft: why the option is likely to apply. Likely options come first; the rest are behind a disclosure. */
  likely?: string;
}

export interface FieldDefinition {
  name: string;
  kind: FieldKind;
  label: string;
  hint?: string;
  options?: readonly FieldOption[];
  maxLength?: number;
  /** The fewest characters an answer may have (shown by the character count before any error). */
  minLength?: number;
  /** Shown as "(optional)"; a field that is only required in some cases is not marked optional. */
  optional?: boolean;
}

/** What a step's form posts: one string per field, or a list of strings for checkboxes. */
export type FormInput = Record<string, unknown>;

/** Errors that belong to the whole form rather than one field (unexpected fields, skipped steps). */
export const FORM_ERROR_FIELD = "_form";

export const TEXT_MAX_LENGTH = 200;
export const TEXTAREA_MAX_LENGTH = 5000;
/** Long enough that "see notes" or "as discussed" cannot pass for a reason. */
export const REASON_MIN_LENGTH = 40;

export const CASE_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9\-/]{1,39}$/;
export const CASE_REFERENCE_MAX_LENGTH = 40;
/** A reference shaped like a date is most likely a date of birth, which must never be stored. */
const LOOKS_LIKE_A_DATE = /^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}$/;

export const NO_NAMES_HINT = "Do not include names unless they are needed.";

/** One question answered by choosing one option. */
export function radiosField(
  name: string,
  label: string,
  options: readonly FieldOption[],
  hint?: string,
): FieldDefinition {
  return { name, kind: "radios", label, ...(hint ? { hint } : {}), options };
}

/** A one-line text box, as long as a name or a role may need. */
export function textField(name: string, label: string, hint?: string): FieldDefinition {
  return { name, kind: "text", label, ...(hint ? { hint } : {}), maxLength: TEXT_MAX_LENGTH };
}

/** A free-text box as long as any reason may need. */
export function textareaField(name: string, label: string, hint: string, optional?: "optional"): FieldDefinition {
  return {
    name,
    kind: "textarea",
    label,
    hint,
    maxLength: TEXTAREA_MAX_LENGTH,
    ...(optional ? { optional: true } : {}),
  };
}

/** PostgreSQL refuses a NUL character in text and JSON; the forms remove them, anything else is refused. */
const NO_NUL = { error: "Remove the invisible characters from this answer" } as const;
const hasNoNul = (value: string) => !value.includes("\u0000");

export function choice<const Values extends readonly [string, ...string[]]>(values: Values, message: string) {
  return z.enum(values, { error: message });
}

export function requiredText(messages: { missing: string; tooLong: string }, maxLength = TEXT_MAX_LENGTH) {
  return z
    .string({ error: messages.missing })
    .trim()
    .min(1, { error: messages.missing })
    .max(maxLength, { error: messages.tooLong })
    .refine(hasNoNul, NO_NUL);
}

/** Free text that must say something of substance, such as a rationale. */
export function reasonText(messages: { missing: string; tooShort: string; tooLong: string }) {
  return z
    .string({ error: messages.missing })
    .trim()
    .min(1, { error: messages.missing })
    .min(REASON_MIN_LENGTH, { error: messages.tooShort })
    .max(TEXTAREA_MAX_LENGTH, { error: messages.tooLong })
    .refine(hasNoNul, NO_NUL);
}

/** Blank becomes "no answer" rather than an empty string, so stored answers stay tidy. */
export function optionalText(name: string, maxLength = TEXT_MAX_LENGTH) {
  return z
    .string({ error: `${name} must be text` })
    .trim()
    .max(maxLength, { error: `${name} must be ${maxLength} characters or less` })
    .refine(hasNoNul, NO_NUL)
    .optional()
    .transform((value) => (value === "" ? undefined : value));
}

/** A free-text box that may be left blank, as long as any reason may need. */
export function optionalTextarea(name: string) {
  return optionalText(name, TEXTAREA_MAX_LENGTH);
}

export function checkboxList<const Values extends readonly [string, ...string[]]>(
  values: Values,
  messages: { missing: string; invalid?: string },
) {
  return z
    .array(z.enum(values, { error: messages.invalid ?? messages.missing }), {
      error: messages.missing,
    })
    .min(1, { error: messages.missing })
    .transform(unique);
}

/** Checkboxes where ticking none is a valid answer; an unticked group is simply absent from the post. */
export function optionalCheckboxList<const Values extends readonly [string, ...string[]]>(
  values: Values,
  invalid: string,
) {
  return z
    .array(z.enum(values, { error: invalid }), { error: invalid })
    .optional()
    .transform((list) => unique(list ?? []));
}

export function caseReference() {
  const missing = "Enter your organisation's case reference";
  return z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(CASE_REFERENCE_MAX_LENGTH, {
      error: `Case reference must be ${CASE_REFERENCE_MAX_LENGTH} characters or less`,
    })
    .regex(CASE_REFERENCE_PATTERN, {
      error:
        "Case reference must start with a letter or number, be at least 2 characters, and contain only " +
        "letters, numbers, hyphens (-) and slashes (/)",
    })
    .refine((value) => !LOOKS_LIKE_A_DATE.test(value), {
      error: "Case reference looks like a date. Enter your organisation's case reference, not a date of birth",
    });
}

/** A calendar date as YYYY-MM-DD; the page joins GOV.UK's day, month and year boxes into it. */
export function isoDate(messages: { missing: string; invalid: string }) {
  return z
    .string({ error: messages.missing })
    .trim()
    .min(1, { error: messages.missing })
    .refine(isRealIsoDate, { error: messages.invalid });
}

export function isRealIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/** Drops keys whose value is undefined, so parsed answers round-trip through JSON unchanged. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

type OptionText = string | Omit<FieldOption, "value">;

export function optionsFrom<const Values extends readonly string[]>(
  values: Values,
  labels: Record<Values[number], OptionText>,
): FieldOption[] {
  return values.map((value: Values[number]) => {
    const described: OptionText = labels[value];
    return typeof described === "string" ? { value, label: described } : { value, ...described };
  });
}
