import { z } from "zod";

export const extendRetentionSchema = z.strictObject({
  reference: z.string().max(40),
  retainUntil: z.iso.date({ error: "Enter a real date to keep the record until" }),
  reason: z
    .string({ error: "Explain why the record must be kept longer" })
    .trim()
    .min(1, { error: "Explain why the record must be kept longer" })
    .min(20, { error: "Reason must be at least 20 characters" })
    .max(2000, { error: "Reason must be 2000 characters or less" })
    // PostgreSQL refuses a NUL character in text; the form removes them, anything else is refused.
    .refine((value) => !value.includes("\u0000"), { error: "Remove the invisible characters from the reason" }),
});

export const disposeDecisionSchema = z.strictObject({
  reference: z.string().max(40),
  confirm: z.literal("yes", { error: "Confirm that the record can be disposed of" }),
});
