import { z } from "zod";
import { IDENTITIES_TO_PROTECT } from "../answers";
import { NO_NAMES_HINT, textareaField, checkboxList, optionsFrom, withoutUndefined, optionalTextarea } from "../fields";
import { missingIssue, defineStep, requiredTextarea } from "./shared";

export const safety = defineStep("safety", "Safety and well-being", {
  title: "How will your decision affect the safety and well-being of the child and others?",
  hint: "Think about the child, their family, and anyone else who could be affected by sharing or by not sharing.",
  ruleIds: ["protect-identities"],
  fields: [
    textareaField("safetyConsiderations", "Effect on safety and well-being", NO_NAMES_HINT),
    {
      name: "identitiesToProtect",
      kind: "checkboxes",
      label: "Whose identity needs protecting?",
      hint:
        "People who could be harmed if an abuser, or someone close to them, found out about them. Select all " +
        "that apply.",
      options: optionsFrom(IDENTITIES_TO_PROTECT, {
        child: "The child",
        "parent-or-carer": "A parent or carer",
        "other-family-member": "Another family member",
        "neighbour-or-member-of-public": "A neighbour or member of the public",
        "colleague-or-professional": "A colleague or other professional",
        "anonymous-referrer": "Someone who made a referral anonymously",
        none: "No one's identity needs protecting",
      }),
    },
    textareaField(
      "protectionSteps",
      "How will you protect their identities?",
      "For example, what you will leave out, and what you will ask the person receiving it to do. Leave " +
        "blank if no one's identity needs protecting.",
    ),
  ],
  schema: z
    .strictObject({
      safetyConsiderations: requiredTextarea(
        "Enter how your decision will affect the safety and well-being of the child and others",
        "Effect on safety and well-being",
      ),
      identitiesToProtect: checkboxList(IDENTITIES_TO_PROTECT, {
        missing: "Select whose identity needs protecting, or select no one",
      }),
      protectionSteps: optionalTextarea("How you will protect identities"),
    })
    .superRefine((value, ctx) => {
      const someone = value.identitiesToProtect.some((identity) => identity !== "none");
      if (someone && value.identitiesToProtect.includes("none")) {
        missingIssue(
          ctx,
          "identitiesToProtect",
          "Select the people whose identity needs protecting, or select no one, not both",
        );
      } else if (someone && !value.protectionSteps) {
        missingIssue(ctx, "protectionSteps", "Enter how you will protect their identities");
      }
    })
    .transform((value) =>
      withoutUndefined(value.identitiesToProtect.includes("none") ? { ...value, protectionSteps: undefined } : value),
    ),
});
