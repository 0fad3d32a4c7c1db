import { z } from "zod";
import { choice } from "../fields";
import { YES_NO_NOT_SURE, flowchartQuestionStep } from "./shared";

export const confidential = flowchartQuestionStep("confidential", {
  noteIds: ["what-confidential-means"],
  fieldName: "confidential",
  schema: z.strictObject({
    confidential: choice(YES_NO_NOT_SURE, "Select whether the information is confidential"),
  }),
});
