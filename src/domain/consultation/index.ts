import { z } from "zod";
import { CASE_REFERENCE_PATTERN } from "../wizard/fields";

/**
 * Anonymous consultations (decision 024): advice sought without naming the child, from the DSL, a
 * MASH consultation line, the IG lead or someone else (golden rule 4 and the 2018 flowchart's
 * "seek advice" steps). They hold no case reference and must not identify anyone, so the question
 * and advice are checked for obvious identifiers before they are kept.
 */
export const ADVISER_KINDS = ["DSL", "MASH", "IG_LEAD", "OTHER"] as const;
export type AdviserKind = (typeof ADVISER_KINDS)[number];

export const ADVISER_KIND_LABELS: Record<AdviserKind, string> = {
  DSL: "Designated safeguarding lead",
  MASH: "MASH or front door consultation line",
  IG_LEAD: "Information governance lead or data protection officer",
  OTHER: "Someone else",
};

export const IDENTIFIER_KINDS = ["NHS_NUMBER", "DATE_OF_BIRTH", "POSTCODE", "EMAIL", "PHONE_NUMBER"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

const IDENTIFIER_WORDS: Record<IdentifierKind, string> = {
  NHS_NUMBER: "an NHS number",
  DATE_OF_BIRTH: "a date of birth",
  POSTCODE: "a postcode",
  EMAIL: "an email address",
  PHONE_NUMBER: "a phone number",
};

const MONTHS =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" +
  "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

// Obvious identifiers only: a check that catches the common slip, not a guarantee of anonymity.
const PATTERNS: Record<IdentifierKind, RegExp[]> = {
  // Ten digits, written 3-3-4 with spaces or hyphens or run together (NHS numbers are printed 3 3 4).
  NHS_NUMBER: [/(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)/],
  DATE_OF_BIRTH: [
    /\b(?:d\.?o\.?b|date of birth|born on|born)\b/i,
    /(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?!\d)/,
    /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/,
    new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s+\\d{4}\\b`, "i"),
  ],
  // UK postcode shapes, e.g. SW1A 1AA, M1 1AE, B33 8TH, CR2 6XH, DN55 1PT.
  POSTCODE: [/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i],
  EMAIL: [/[^\s@]+@[^\s@]+\.[^\s@]+/],
  PHONE_NUMBER: [/(?<!\d)(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)/],
};

/** The kinds of obvious identifier a text contains, in a fixed order. */
export function findIdentifiers(text: string): IdentifierKind[] {
  return IDENTIFIER_KINDS.filter((kind) => PATTERNS[kind].some((pattern) => pattern.test(text)));
}

export function identifierMessage(fieldLabel: string, kinds: readonly IdentifierKind[]): string {
  const words = kinds.map((kind) => IDENTIFIER_WORDS[kind]);
  const list = words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1)}` : words[0];
  return (
    `${fieldLabel} looks like it contains ${list}. Describe the situation in general terms, without ` +
    "anything that could identify the child or family"
  );
}

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(max, { error: `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer` })
    .refine((value) => !value.includes("\u0000"), { error: `Remove the invisible characters from ${label}` });

function anonymous(label: string, fieldLabel: string, max: number) {
  return text(label, max).superRefine((value, context) => {
    const kinds = findIdentifiers(value);
    if (kinds.length > 0) context.addIssue({ code: "custom", message: identifierMessage(fieldLabel, kinds) });
  });
}

const datePart = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, { error: label });

/**
 * The consultation form. The date is the GOV.UK three-field date (day, month, year); it must be a
 * real day, not in the future (`today`, YYYY-MM-DD in UK time, comes from the caller).
 */
export function consultationSchema(today: string) {
  return z
    .strictObject({
      adviserKind: z.enum(ADVISER_KINDS, { error: "Select who you consulted" }),
      adviser: anonymous("the adviser's role or name", "Who you consulted", 200),
      question: anonymous("the question you asked", "The question", 2000),
      advice: anonymous("the advice you were given", "The advice", 4000),
      "consultedOn-day": datePart("The date you consulted must include a day"),
      "consultedOn-month": datePart("The date you consulted must include a month"),
      "consultedOn-year": datePart("The date you consulted must include a year"),
    })
    .transform((fields, context) => {
      const day = isoDay(fields["consultedOn-year"], fields["consultedOn-month"], fields["consultedOn-day"]);
      if (!day) {
        context.addIssue({
          code: "custom",
          path: ["consultedOn"],
          message: "The date you consulted must be a real date",
        });
        return z.NEVER;
      }
      if (day > today) {
        context.addIssue({
          code: "custom",
          path: ["consultedOn"],
          message: "The date you consulted must be today or in the past",
        });
        return z.NEVER;
      }
      return {
        adviserKind: fields.adviserKind,
        adviser: fields.adviser,
        question: fields.question,
        advice: fields.advice,
        consultedOn: day,
      };
    });
}

export type ConsultationInput = z.output<ReturnType<typeof consultationSchema>>;

function isoDay(year: string, month: string, day: string): string | null {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (year.length !== 4 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Linking a consultation, later, to a decision (by its reference) or a case reference: one of them. */
export const consultationLinkSchema = z
  .strictObject({
    linkTo: z.enum(["decision", "case"], { error: "Select what to link the consultation to" }),
    decisionReference: z.string().trim().max(40).optional(),
    caseReference: z
      .string()
      .trim()
      .refine((value) => value === "" || CASE_REFERENCE_PATTERN.test(value), {
        error: "Enter a case reference of letters, numbers, hyphens and slashes (up to 40)",
      })
      .optional(),
  })
  .transform((fields, context) => {
    if (fields.linkTo === "decision") {
      if (!fields.decisionReference) {
        context.addIssue({ code: "custom", path: ["decisionReference"], message: "Enter the decision's reference" });
        return z.NEVER;
      }
      return { kind: "decision" as const, reference: fields.decisionReference.toUpperCase() };
    }
    if (!fields.caseReference) {
      context.addIssue({ code: "custom", path: ["caseReference"], message: "Enter the case reference" });
      return z.NEVER;
    }
    return { kind: "case" as const, reference: fields.caseReference };
  });

export type ConsultationLink = z.output<typeof consultationLinkSchema>;
