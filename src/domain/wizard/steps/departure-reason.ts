import { z } from "zod";
import { NO_NAMES_HINT, TEXTAREA_MAX_LENGTH, reasonText } from "../fields";
import { tooLong, type StepDefinition } from "./shared";

export const departureReason: StepDefinition<"departure-reason"> = {
  id: "departure-reason",
  title: "Why does your decision differ from what the flowchart indicates?",
  caption: "Your decision",
  hint: "Your decision will be sent to your supervisor for review.",
  ruleIds: ["record-your-reasons", "seek-advice-promptly"],
  fields: [
    {
      name: "departureReason",
      kind: "textarea",
      label: "Why does your decision differ from what the flowchart indicates?",
      hint: NO_NAMES_HINT,
      maxLength: TEXTAREA_MAX_LENGTH,
    },
  ],
  schema: z.strictObject({
    departureReason: reasonText({
      missing: "Enter why your decision differs from what the flowchart indicates",
      tooShort: "Reason your decision differs must be 40 characters or more",
      tooLong: tooLong("Reason your decision differs", TEXTAREA_MAX_LENGTH),
    }),
  }),
};
