import { z } from "zod";
import { FLOWCHART } from "../../flowchart";
import { choice } from "../fields";
import { YES_NO, defineStep } from "./shared";

export const urgency = defineStep("urgency", "Urgency", {
  title: FLOWCHART["immediate-risk"].question,
  hint: "For example, a child is in danger now, or will be if you do not act today.",
  ruleIds: ["protection-comes-first"],
  noteIds: ["emergency-act-now"],
  fields: [
    {
      name: "immediateRisk",
      kind: "radios",
      label: FLOWCHART["immediate-risk"].question,
      hint: FLOWCHART["immediate-risk"].hint,
      options: [
        {
          value: "yes",
          label: "Yes",
          hint: "Follow your safeguarding procedures now. You can record the decision straight afterwards.",
        },
        { value: "no", label: "No" },
      ],
    },
  ],
  schema: z.strictObject({
    immediateRisk: choice(YES_NO, "Select whether a child is at immediate risk of significant harm"),
  }),
});
