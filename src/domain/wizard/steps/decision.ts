import { z } from "zod";
import { DECISION_OUTCOMES } from "../../decision/departure";
import {
  NO_NAMES_HINT,
  REASON_MIN_LENGTH,
  TEXTAREA_MAX_LENGTH,
  textareaField,
  choice,
  isoDate,
  reasonText,
  radiosField,
} from "../fields";
import { tooLong, defineStep, requiredTextarea } from "./shared";

export const decision = defineStep("decision", "Your decision", {
  title: "What have you decided?",
  hint: "Record your decision and your reasons whether or not you share.",
  ruleIds: ["record-your-reasons"],
  noteIds: ["escalate-refusals-at-pace"],
  fields: [
    radiosField("outcome", "Your decision", [
      { value: "SHARE", label: "Share the information" },
      { value: "SHARE_PART", label: "Share some of the information" },
      { value: "NO_SHARE", label: "Do not share" },
    ]),
    {
      ...textareaField(
        "rationale",
        "Why have you made this decision?",
        "Explain your reasons so that someone else could understand them. If you are not sharing, say what " +
          `would make you think again. ${NO_NAMES_HINT}`,
      ),
      minLength: REASON_MIN_LENGTH,
    },
    textareaField(
      "purpose",
      "What is the purpose of sharing?",
      "What the information will be used for. If you are not sharing, what it was asked for.",
    ),
    {
      name: "decisionDate",
      kind: "date",
      label: "Date of the decision",
      hint: "For example, 27 3 2025.",
    },
  ],
  schema: z.strictObject({
    outcome: choice(DECISION_OUTCOMES, "Select your decision"),
    rationale: reasonText({
      missing: "Enter the reasons for your decision",
      tooShort: "Reasons for your decision must be 40 characters or more",
      tooLong: tooLong("Reasons for your decision", TEXTAREA_MAX_LENGTH),
    }),
    purpose: requiredTextarea("Enter the purpose of sharing", "Purpose"),
    decisionDate: isoDate({
      missing: "Enter the date of the decision",
      invalid: "Date of the decision must be a real date",
    }),
  }),
});
