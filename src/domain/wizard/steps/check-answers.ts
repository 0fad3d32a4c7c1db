import { z } from "zod";
import type { StepDefinition } from "./shared";

export const checkAnswers: StepDefinition<"check-answers"> = {
  id: "check-answers",
  title: "Check your answers before recording your decision",
  caption: "Your decision",
  hint: "Once recorded, a decision cannot be changed. You can record a correction or reconsider it later.",
  ruleIds: ["record-your-reasons"],
  fields: [],
  schema: z.strictObject({}) as z.ZodType<Record<string, never>>,
};
