import { z } from "zod";
import { NO_NAMES_HINT, textareaField, choice, radiosField, optionalTextarea } from "../fields";
import { YES_NO, dropWhen, requireWhen, defineStep } from "./shared";

const REASON_NOT_INFORMING_MISSING = "Enter why you will not tell them";

export const informing = defineStep("informing", "Sharing safely", {
  title: "Will you tell the person, or their family, that you are sharing their information?",
  hint:
    "Tell them what you are sharing, with whom and why, unless that could put the child or anyone else at " +
    "greater risk of harm.",
  ruleIds: ["engage-the-child-and-carers"],
  fields: [
    radiosField("informPerson", "Will you tell the person, or their family, that you are sharing their information?", [
      { value: "yes", label: "Yes, they have been or will be told" },
      { value: "no", label: "No", revealsFields: ["reasonNotInforming"] },
    ]),
    textareaField(
      "reasonNotInforming",
      "Why will you not tell them?",
      "For example, a carer might harm the child or react violently, or the child might stop using services. " +
        `${NO_NAMES_HINT}`,
    ),
  ],
  schema: z
    .strictObject({
      informPerson: choice(YES_NO, "Select whether you will tell the person that you are sharing their information"),
      reasonNotInforming: optionalTextarea("Why you will not tell them"),
    })
    .superRefine((value, ctx) =>
      requireWhen(value.informPerson === "no", value, ctx, {
        reasonNotInforming: REASON_NOT_INFORMING_MISSING,
      }),
    )
    .transform((value) => dropWhen(value.informPerson !== "no", value, ["reasonNotInforming"])),
});
