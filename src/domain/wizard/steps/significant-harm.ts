import { z } from "zod";
import { choice } from "../fields";
import { YES_NO_NOT_SURE, type StepDefinition } from "./shared";

export const significantHarm: StepDefinition<"significant-harm"> = {
  id: "significant-harm",
  title: "Is the child suffering, or likely to suffer, significant harm?",
  caption: "About the concern",
  hint: "For an adult at risk, think about whether they are at risk of serious harm.",
  ruleIds: ["consent-is-not-required-when-at-risk", "protection-comes-first"],
  fields: [
    {
      name: "significantHarm",
      kind: "radios",
      label: "Is the child suffering, or likely to suffer, significant harm?",
      options: [
        {
          value: "yes",
          label: "Yes",
          hint: "Follow your safeguarding procedures without delay. You do not need consent to share.",
        },
        { value: "no", label: "No" },
        {
          value: "not-sure",
          label: "I'm not sure",
          hint: "Talk to your designated safeguarding lead. You will still be asked whether you can share.",
        },
      ],
    },
  ],
  schema: z.strictObject({
    significantHarm: choice(
      YES_NO_NOT_SURE,
      "Select whether the child is suffering, or likely to suffer, significant harm",
    ),
  }),
};
