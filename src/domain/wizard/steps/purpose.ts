import { z } from "zod";
import { choice } from "../fields";
import { YES_NO_NOT_SURE, flowchartQuestionStep } from "./shared";

export const purpose = flowchartQuestionStep("purpose", {
  noteIds: ["data-protection-is-not-a-barrier"],
  fieldName: "legitimatePurpose",
  schema: z.strictObject({
    legitimatePurpose: choice(YES_NO_NOT_SURE, "Select whether there is a clear and legitimate purpose for sharing"),
  }),
});
