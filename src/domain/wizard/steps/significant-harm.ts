import { z } from "zod";
import { choice, radiosField } from "../fields";
import { YES_NO, YES_NO_NOT_SURE, dropWhen, defineStep } from "./shared";

export const significantHarm = defineStep("significant-harm", "About the concern", {
  title: "Is the child suffering, or likely to suffer, significant harm?",
  hint: "For an adult at risk, think about whether they are at risk of serious harm.",
  ruleIds: [],
  noteIds: ["significant-harm-threshold"],
  fields: [
    radiosField("significantHarm", "Is the child suffering, or likely to suffer, significant harm?", [
      {
        value: "yes",
        label: "Yes",
        hint: "Follow your safeguarding procedures without delay. You do not need consent to share.",
      },
      { value: "no", label: "No", revealsFields: ["riskOfHarm"] },
      {
        value: "not-sure",
        label: "I'm not sure",
        hint: "You will be asked to seek advice, for example from your designated safeguarding lead, and record it.",
      },
    ]),
    {
      name: "riskOfHarm",
      kind: "radios",
      label: "Is there still a risk, or a perceived risk, of harm?",
      hint: "Harm that is not significant can still justify sharing without consent (DfE 2024, golden rule 3).",
      // Worded in full so they cannot be mistaken for the Yes and No of the question above.
      options: [
        { value: "yes", label: "Yes, there is a risk or a perceived risk of harm" },
        { value: "no", label: "No, there is no risk of harm" },
      ],
      optional: true,
    },
  ],
  schema: z
    .strictObject({
      significantHarm: choice(
        YES_NO_NOT_SURE,
        "Select whether the child is suffering, or likely to suffer, significant harm",
      ),
      riskOfHarm: choice(YES_NO, "Select whether there is a risk, or a perceived risk, of harm").optional(),
    })
    .transform((value) => dropWhen(value.significantHarm !== "no", value, ["riskOfHarm"])),
});
