// What a practitioner posts to ask a partner for information, and what the contact team posts to
// answer (issue 14). Validated here, once, for the form and the use case alike.
import { z } from "zod";
import { ukDayFromParts } from "@/domain/calendar";
import { PRIORITIES } from "./priority";

const NO_NUL = { error: "Remove the invisible characters from this text" } as const;
const hasNoNul = (value: string) => !value.includes("\u0000");

const text = (missing: string, label: string, max: number, min = 1) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .min(min, { error: `${label} must be at least ${min} characters` })
    .max(max, { error: `${label} must be ${max} characters or less` })
    .refine(hasNoNul, NO_NUL);

/** The NHS number's check digit (modulus 11, weights 10 down to 2): catches most mistyped numbers. */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 9).reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits[9];
}

export const sendRequestInputSchema = z
  .strictObject({
    respondingOrganisationId: z.uuid({ error: "Select the organisation you are asking" }),
    priority: z.enum(PRIORITIES, { error: "Select how urgent this is" }),
    caseReference: text("Enter your case reference", "Case reference", 50),
    childName: text("Enter the child's full name", "Name", 200),
    "childDateOfBirth-day": z.string().optional(),
    "childDateOfBirth-month": z.string().optional(),
    "childDateOfBirth-year": z.string().optional(),
    nhsNumber: z
      .string()
      .optional()
      .transform((value) => (value ?? "").replace(/[\s-]/g, ""))
      .refine((value) => value === "" || isValidNhsNumber(value), {
        error: "Enter a valid NHS number, 10 digits, like 943 476 5919, or leave it blank",
      }),
    purpose: text("Say why you need this information", "Purpose", 2000, 10),
    informationNeeded: text("Say what information you need", "What you need", 2000, 10),
    lawfulBasis: text("Say on what lawful basis you are asking", "Lawful basis", 500, 5),
  })
  .transform((input, ctx) => {
    const day = input["childDateOfBirth-day"] ?? "";
    const month = input["childDateOfBirth-month"] ?? "";
    const year = input["childDateOfBirth-year"] ?? "";
    let childDateOfBirth: string | null = null;
    if (`${day}${month}${year}`.trim() !== "") {
      childDateOfBirth = ukDayFromParts({ day, month, year });
      if (!childDateOfBirth)
        ctx.addIssue({
          code: "custom",
          path: ["childDateOfBirth"],
          message: "Date of birth must be a real date, like 27 3 2016",
        });
    }
    return {
      respondingOrganisationId: input.respondingOrganisationId,
      priority: input.priority,
      caseReference: input.caseReference,
      childName: input.childName,
      childDateOfBirth,
      nhsNumber: input.nhsNumber === "" ? null : input.nhsNumber,
      purpose: input.purpose,
      informationNeeded: input.informationNeeded,
      lawfulBasis: input.lawfulBasis,
    };
  });
export type SendRequestInput = z.output<typeof sendRequestInputSchema>;

export const REQUEST_ANSWERS = ["SHARE", "NO_SHARE"] as const;
export type RequestAnswerKind = (typeof REQUEST_ANSWERS)[number];

/** The contact team's answer: the information itself (delivered inside InfoShare), or the reasons not to share. */
export const answerRequestInputSchema = z
  .strictObject({
    answer: z.enum(REQUEST_ANSWERS, { error: "Select whether you are sharing the information" }),
    information: z.string().trim().max(10000, { error: "Information must be 10000 characters or less" }).optional(),
    reasons: z.string().trim().max(5000, { error: "Reasons must be 5000 characters or less" }).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.answer === "SHARE" && (input.information ?? "").length < 10)
      ctx.addIssue({ code: "custom", path: ["information"], message: "Enter the information you are sharing" });
    if (input.answer === "NO_SHARE" && (input.reasons ?? "").length < 10)
      ctx.addIssue({ code: "custom", path: ["reasons"], message: "Explain why you are not sharing" });
    for (const key of ["information", "reasons"] as const)
      if (input[key]?.includes("\u0000"))
        ctx.addIssue({ code: "custom", path: [key], message: "Remove the invisible characters from this text" });
  })
  .transform((input) => ({
    answer: input.answer,
    body: (input.answer === "SHARE" ? input.information : input.reasons) ?? "",
  }));
export type AnswerRequestInput = z.output<typeof answerRequestInputSchema>;
