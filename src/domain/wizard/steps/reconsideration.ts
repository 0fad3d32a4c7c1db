import { z } from "zod";
import { RECONSIDERABLE_STEP_IDS, type ReconsiderableStepId } from "../answers";
import { TEXTAREA_MAX_LENGTH, choice, optionsFrom, radiosField, reasonText, textareaField } from "../fields";
import { defineStep, tooLong } from "./shared";

export const RECONSIDERED_QUESTION_LABELS: Record<ReconsiderableStepId, string> = {
  urgency: "Whether someone is at immediate risk",
  identifiable: "Whether the information identifies anyone",
  concern: "What the concern is about",
  "about-the-information": "Who the information is about, or where it came from",
  "significant-harm": "Whether there is significant harm",
  purpose: "Whether there is a clear and legitimate purpose",
  confidential: "Whether the information is confidential",
  "consent-from": "Whose consent it is, or the child's ability to decide",
  consent: "Consent",
  "other-lawful-reason": "Another lawful reason to share",
};

/**
 * Asked when a decision is reconsidered: new information, and the earlier answer it changes. The
 * wizard starts again from that question with the earlier answers filled in (2024 advice, rule 7:
 * keep decisions under review as new information comes to light).
 */
export const reconsideration = defineStep("reconsideration", "New information", {
  title: "What new information do you have?",
  hint: "Your earlier answers are filled in. You will go through the questions again from the one it changes.",
  ruleIds: [],
  noteIds: ["reconsider-with-new-information"],
  fields: [
    textareaField(
      "newInformation",
      "What new information do you have?",
      "What you have learned since the decision, and when. Do not include names unless they are needed.",
    ),
    radiosField(
      "changesStep",
      "Which earlier answer does it change?",
      optionsFrom(RECONSIDERABLE_STEP_IDS, RECONSIDERED_QUESTION_LABELS),
    ),
  ],
  schema: z.strictObject({
    newInformation: reasonText({
      missing: "Enter the new information",
      tooShort: "The new information must be 40 characters or more",
      tooLong: tooLong("The new information", TEXTAREA_MAX_LENGTH),
    }),
    changesStep: choice(RECONSIDERABLE_STEP_IDS, "Select which earlier answer the new information changes"),
  }),
});
