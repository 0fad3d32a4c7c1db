import { z } from "zod";
import { REQUESTER_TOLD } from "../answers";
import { choice, isoDate, optionsFrom, textareaField, optionalTextarea } from "../fields";
import { defineStep, dropWhen, requireWhen } from "./shared";

/**
 * A decision not to share is a decision too: the reasons are the decision's rationale; this page
 * adds whether the person who asked was told, and when to look at it again (2024 advice, rule 7).
 */
export const notSharing = defineStep("not-sharing", "Your decision", {
  title: "After deciding not to share",
  ruleIds: [],
  noteIds: ["keep-not-sharing-under-review"],
  fields: [
    {
      name: "requesterTold",
      kind: "radios",
      label: "Have you told the person who asked that you will not share?",
      options: optionsFrom(REQUESTER_TOLD, {
        yes: "Yes",
        no: { label: "No", revealsFields: ["reasonNotTold"] },
        "no-requester": "No one asked: it was my own idea to share",
      }),
    },
    textareaField(
      "reasonNotTold",
      "Why have you not told them?",
      "For example, you are taking advice first. Do not include names unless they are needed.",
    ),
    {
      name: "revisitDate",
      kind: "date",
      label: "When will you look at this decision again?",
      hint: "For example, 27 4 2026. Sooner if anything changes.",
    },
  ],
  schema: z
    .strictObject({
      requesterTold: choice(REQUESTER_TOLD, "Select whether you have told the person who asked"),
      reasonNotTold: optionalTextarea("Why you have not told them"),
      revisitDate: isoDate({
        missing: "Enter when you will look at this decision again",
        invalid: "The date to look at this decision again must be a real date",
      }),
    })
    .superRefine((value, ctx) =>
      requireWhen(value.requesterTold === "no", value, ctx, { reasonNotTold: "Enter why you have not told them" }),
    )
    .transform((value) => dropWhen(value.requesterTold !== "no", value, ["reasonNotTold"])),
});
