import { z } from "zod";
import { NO_NAMES_HINT, REASON_MIN_LENGTH, TEXTAREA_MAX_LENGTH, textareaField, reasonText } from "../fields";
import { tooLong, defineStep } from "./shared";

export const departureReason = defineStep("departure-reason", "Your decision", {
  title: "Why does your decision differ from what the flowchart indicates?",
  hint: "Your decision will be sent to your supervisor for review.",
  ruleIds: ["record-your-reasons", "seek-advice-promptly"],
  fields: [
    {
      ...textareaField(
        "departureReason",
        "Why does your decision differ from what the flowchart indicates?",
        NO_NAMES_HINT,
      ),
      minLength: REASON_MIN_LENGTH,
    },
  ],
  schema: z.strictObject({
    departureReason: reasonText({
      missing: "Enter why your decision differs from what the flowchart indicates",
      tooShort: "Reason your decision differs must be 40 characters or more",
      tooLong: tooLong("Reason your decision differs", TEXTAREA_MAX_LENGTH),
    }),
  }),
});
