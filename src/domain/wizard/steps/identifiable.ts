import { z } from "zod";
import { choice } from "../fields";
import { YES_NO_NOT_SURE, flowchartQuestionStep } from "./shared";

export const identifiable = flowchartQuestionStep("identifiable", {
  noteIds: ["numbers-and-trends"],
  fieldName: "identifiable",
  schema: z.strictObject({
    identifiable: choice(YES_NO_NOT_SURE, "Select whether the information identifies a person"),
  }),
});
