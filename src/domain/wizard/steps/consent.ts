import { z } from "zod";
import { NOT_SOUGHT_REASONS } from "../answers";
import { choice, optionsFrom } from "../fields";
import { CONSENT_ANSWERS, dropWhen, flowchartQuestionStep, requireWhen } from "./shared";

export const NOT_SOUGHT_REASON_OPTIONS = optionsFrom(NOT_SOUGHT_REASONS, {
  unsafe: "Asking would be unsafe, for the child or someone else",
  inappropriate: "Asking would be inappropriate, for example it could harm an investigation",
  "harmful-delay": "Asking would cause a delay that could harm the child",
});

export const NOT_SOUGHT_REASON_MISSING = "Select why you have not asked for consent";

export const consent = flowchartQuestionStep("consent", {
  fieldName: "consent",
  ruleIds: ["consent-is-not-required-when-at-risk"],
  noteIds: ["consent-must-be-a-real-choice", "never-promise-secrecy"],
  reveals: {
    option: "not-sought",
    fields: [
      {
        name: "notSoughtReason",
        kind: "radios",
        label: "Why have you not asked for consent?",
        options: NOT_SOUGHT_REASON_OPTIONS,
      },
    ],
  },
  schema: z
    .strictObject({
      consent: choice(CONSENT_ANSWERS, "Select whether you have consent to share"),
      notSoughtReason: choice(NOT_SOUGHT_REASONS, NOT_SOUGHT_REASON_MISSING).optional(),
    })
    .superRefine((value, ctx) =>
      requireWhen(value.consent === "not-sought", value, ctx, {
        notSoughtReason: NOT_SOUGHT_REASON_MISSING,
      }),
    )
    .transform((value) => dropWhen(value.consent !== "not-sought", value, ["notSoughtReason"])),
});
