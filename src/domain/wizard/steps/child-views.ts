import { z } from "zod";
import { textareaField } from "../fields";
import { defineStep, requiredTextarea } from "./shared";

/**
 * The child's wishes and feelings are recorded for every child (Children Act 1989 ss.17(4A) and
 * 47(5A); Working Together to Safeguard Children 2023, a child-centred approach), whatever the
 * decision about consent.
 */
export const childViews = defineStep("child-views", "About the concern", {
  title: "What are the child's wishes and feelings?",
  ruleIds: [],
  noteIds: ["listen-to-the-child"],
  fields: [
    textareaField(
      "wishesAndFeelings",
      "What are the child's wishes and feelings?",
      "What the child has said, or shown, about what is happening and about sharing. If they are too young, or " +
        "you could not ask them safely, say so and why. Do not include names unless they are needed.",
    ),
  ],
  schema: z.strictObject({
    wishesAndFeelings: requiredTextarea(
      "Enter the child's wishes and feelings, or why you could not find them out",
      "The child's wishes and feelings",
    ),
  }),
});
