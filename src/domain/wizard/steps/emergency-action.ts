import { z } from "zod";
import { EMERGENCY_ACTIONS } from "../answers";
import {
  TEXTAREA_MAX_LENGTH,
  checkboxList,
  isoDate,
  optionalText,
  optionsFrom,
  requiredText,
  textareaField,
  withoutUndefined,
} from "../fields";
import { defineStep, requireWhen, tooLong } from "./shared";

/** 24-hour clock, as people write it on a safeguarding log: 9:05, 09:05 or 21:40. */
export const TIME_PATTERN = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * In an emergency, protecting the person comes before the record. The record starts with what was
 * done, and when (Working Together to Safeguard Children 2023: anyone can refer, and call 999 when
 * a child is in immediate danger); the rest of the record follows.
 */
export const emergencyAction = defineStep("emergency-action", "Urgency", {
  title: "What did you do, and when?",
  hint: "Record the action you took to protect the person first. The rest of the record follows.",
  ruleIds: [],
  noteIds: ["record-emergency-afterwards"],
  fields: [
    { name: "actionDate", kind: "date", label: "Date action was taken", hint: "For example, 27 3 2026." },
    {
      name: "actionTime",
      kind: "text",
      label: "Time action was taken",
      hint: "Use the 24-hour clock, for example 14:30.",
      maxLength: 5,
    },
    {
      name: "actionsTaken",
      kind: "checkboxes",
      label: "What did you do?",
      hint: "Select all that apply.",
      options: optionsFrom(EMERGENCY_ACTIONS, {
        "called-999": "Called 999",
        police: "Contacted the police",
        "childrens-social-care": "Contacted children's social care",
        "adult-social-care": "Contacted adult social care",
        other: { label: "Something else", revealsFields: ["actionOther"] },
      }),
    },
    { name: "actionOther", kind: "text", label: "What else did you do?", maxLength: 200 },
    textareaField(
      "whatWasDone",
      "What happened?",
      "Who you spoke to, what you told them and what they said they would do. Do not include names unless " +
        "they are needed.",
    ),
  ],
  schema: z
    .strictObject({
      actionDate: isoDate({
        missing: "Enter the date action was taken",
        invalid: "Date action was taken must be a real date",
      }),
      actionTime: z
        .string({ error: "Enter the time action was taken" })
        .trim()
        .min(1, { error: "Enter the time action was taken" })
        .max(5, { error: tooLong("Time action was taken", 5) })
        .regex(TIME_PATTERN, { error: "Time action was taken must be a time on the 24-hour clock, like 14:30" })
        .transform((time) => time.padStart(5, "0")),
      actionsTaken: checkboxList(EMERGENCY_ACTIONS, { missing: "Select what you did" }),
      actionOther: optionalText("What else you did"),
      whatWasDone: requiredText(
        { missing: "Enter what happened", tooLong: tooLong("What happened", TEXTAREA_MAX_LENGTH) },
        TEXTAREA_MAX_LENGTH,
      ),
    })
    .superRefine((value, ctx) =>
      requireWhen(value.actionsTaken.includes("other"), value, ctx, { actionOther: "Enter what else you did" }),
    )
    .transform((value) =>
      withoutUndefined(value.actionsTaken.includes("other") ? value : { ...value, actionOther: undefined }),
    ),
});
