import { z } from "zod";
import { OTHER_LAWFUL_REASON_KINDS } from "../answers";
import { choice, optionalCheckboxList, optionsFrom } from "../fields";
import { YES_NO_NOT_SURE, dropWhen, flowchartQuestionStep, requireWhen } from "./shared";

const REASON_KINDS_MISSING = "Select the lawful reason to share without consent";

export const otherLawfulReason = flowchartQuestionStep("other-lawful-reason", {
  noteIds: ["lawful-reasons-without-consent"],
  fieldName: "otherLawfulReason",
  reveals: {
    option: "yes",
    fields: [
      {
        name: "reasonKinds",
        kind: "checkboxes",
        label: "What is the lawful reason?",
        hint: "Select all that apply. You will choose the exact legal basis later.",
        options: optionsFrom(OTHER_LAWFUL_REASON_KINDS, {
          "statutory-duty-or-power": "A legal duty or power to share",
          "public-function": "My organisation's public functions",
          "vital-interests": "Protecting someone's life",
          "public-interest": "A public interest that outweighs keeping the information confidential",
        }),
      },
    ],
  },
  schema: z
    .strictObject({
      otherLawfulReason: choice(
        YES_NO_NOT_SURE,
        "Select whether there is another lawful reason to share without consent",
      ),
      reasonKinds: optionalCheckboxList(OTHER_LAWFUL_REASON_KINDS, REASON_KINDS_MISSING),
    })
    .superRefine((value, ctx) =>
      requireWhen(value.otherLawfulReason === "yes", value, ctx, { reasonKinds: REASON_KINDS_MISSING }),
    )
    .transform((value) => dropWhen(value.otherLawfulReason !== "yes", value, ["reasonKinds"])),
});
