import { z } from "zod";
import { defineStep } from "./shared";

export const checkAnswers = defineStep("check-answers", "Your decision", {
  title: "Check your answers before recording your decision",
  hint: "Once recorded, a decision cannot be changed. You can record a correction or reconsider it later.",
  ruleIds: [],
  fields: [],
  schema: z.strictObject({}) as z.ZodType<Record<string, never>>,
});
