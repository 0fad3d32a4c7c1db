import { z } from "zod";
import { DECISION_OUTCOMES } from "../../decision/departure";
import {
  NO_NAMES_HINT,
  REASON_MIN_LENGTH,
  TEXTAREA_MAX_LENGTH,
  textareaField,
  TEXT_MAX_LENGTH,
  choice,
  isoDate,
  optionalText,
  reasonText,
  requiredText,
  withoutUndefined,
  radiosField,
} from "../fields";
import { requireWhen, tooLong, defineStep } from "./shared";

export const decision = defineStep("decision", "Your decision", {
  title: "What have you decided?",
  hint: "Record your decision and your reasons whether or not you share.",
  ruleIds: ["record-your-reasons", "protection-comes-first"],
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
      name: "recipientName",
      kind: "text",
      label: "Name of the person receiving the information",
      hint:
        "If you are sharing with a team, such as a multi-agency safeguarding hub, give the team's name. You " +
        "can leave this blank if you are not sharing.",
      maxLength: TEXT_MAX_LENGTH,
    },
    {
      name: "recipientRole",
      kind: "text",
      label: "Their role",
      maxLength: TEXT_MAX_LENGTH,
    },
    {
      name: "recipientOrganisation",
      kind: "text",
      label: "Their organisation",
      maxLength: TEXT_MAX_LENGTH,
    },
    {
      name: "decisionDate",
      kind: "date",
      label: "Date of the decision",
      hint: "For example, 27 3 2025.",
    },
  ],
  schema: z
    .strictObject({
      outcome: choice(DECISION_OUTCOMES, "Select your decision"),
      rationale: reasonText({
        missing: "Enter the reasons for your decision",
        tooShort: "Reasons for your decision must be 40 characters or more",
        tooLong: tooLong("Reasons for your decision", TEXTAREA_MAX_LENGTH),
      }),
      purpose: requiredText(
        {
          missing: "Enter the purpose of sharing",
          tooLong: tooLong("Purpose", TEXTAREA_MAX_LENGTH),
        },
        TEXTAREA_MAX_LENGTH,
      ),
      recipientName: optionalText("Name of the person receiving the information"),
      recipientRole: optionalText("Role"),
      recipientOrganisation: optionalText("Organisation"),
      decisionDate: isoDate({
        missing: "Enter the date of the decision",
        invalid: "Date of the decision must be a real date",
      }),
    })
    .superRefine((value, ctx) =>
      requireWhen(value.outcome !== "NO_SHARE", value, ctx, {
        recipientName: "Enter the name of the person receiving the information",
        recipientRole: "Enter the role of the person receiving the information",
        recipientOrganisation: "Enter the organisation of the person receiving the information",
      }),
    )
    .transform(withoutUndefined),
});
