import { z } from "zod";
import { CONSENT_FROM } from "../answers";
import { choice, optionsFrom } from "../fields";
import { YES_NO, defineStep, dropWhen, missingIssue, requireWhen } from "./shared";

export const CHILD_NOT_COMPETENT =
  "A child who cannot decide for themselves cannot give consent: select a parent or someone with parental " +
  "responsibility";

/**
 * Whose consent is in question. A child who understands what is proposed can decide for
 * themselves (Gillick v West Norfolk and Wisbech AHA [1986] AC 112), so their competence is asked
 * only when it is the child's own consent.
 */
export const consentFrom = defineStep("consent-from", "Can you share?", {
  title: "Whose consent would you need?",
  ruleIds: [],
  noteIds: ["gillick-competence"],
  fields: [
    {
      name: "consentFrom",
      kind: "radios",
      label: "Whose consent would you need?",
      options: optionsFrom(CONSENT_FROM, {
        child: { label: "The child or young person's own", revealsFields: ["childCompetent"] },
        parent: "A parent, or someone else with parental responsibility",
        adult: "The adult the information is about",
      }),
    },
    {
      name: "childCompetent",
      kind: "radios",
      label: "Can the child understand what sharing means, and decide for themselves?",
      hint:
        "Young people aged 16 or 17 are presumed able to. A younger child may be, depending on their maturity and " +
        "understanding of this decision (Gillick competence).",
      options: [
        { value: "yes", label: "Yes, they can decide for themselves" },
        { value: "no", label: "No, they cannot decide this for themselves" },
      ],
    },
  ],
  schema: z
    .strictObject({
      consentFrom: choice(CONSENT_FROM, "Select whose consent you would need"),
      childCompetent: choice(YES_NO, "Select whether the child can decide for themselves").optional(),
    })
    .superRefine((value, ctx) => {
      requireWhen(value.consentFrom === "child", value, ctx, {
        childCompetent: "Select whether the child can decide for themselves",
      });
      if (value.consentFrom === "child" && value.childCompetent === "no") {
        missingIssue(ctx, "consentFrom", CHILD_NOT_COMPETENT);
      }
    })
    .transform((value) => dropWhen(value.consentFrom !== "child", value, ["childCompetent"])),
});
