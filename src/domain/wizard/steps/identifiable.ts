import { z } from "zod";
import { choice } from "../fields";
import { YES_NO_NOT_SURE, flowchartQuestionStep } from "./shared";

// Asked before the case reference (decision 023), so it sits with the questions about the concern.
export const identifiable = flowchartQuestionStep("identifiable", {
  caption: "About the concern",
  noteIds: ["numbers-and-trends"],
  fieldName: "identifiable",
  schema: z.strictObject({
    identifiable: choice(YES_NO_NOT_SURE, "Select whether the information identifies a person"),
  }),
});
