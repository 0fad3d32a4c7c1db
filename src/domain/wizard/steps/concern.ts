import { z } from "zod";
import { CONCERN_CATEGORIES, PERSON_AT_RISK } from "../answers";
import { caseReference, checkboxList, choice, optionsFrom, radiosField } from "../fields";
import { defineStep } from "./shared";

export const concern = defineStep("concern", "About the concern", {
  title: "What is the concern about?",
  ruleIds: [],
  noteIds: ["do-not-name-the-child"],
  fields: [
    {
      name: "concernCategories",
      kind: "checkboxes",
      label: "What is the concern about?",
      hint: "Select all that apply.",
      options: optionsFrom(CONCERN_CATEGORIES, {
        "child-health-or-development": "The child's health or development, or their exposure to possible harm",
        "parent-may-need-help": "A parent or carer who may need help, or may not be able to care for the child safely",
        "person-may-pose-risk": "Someone who may pose a risk of harm to a child",
      }),
    },
    radiosField(
      "personAtRisk",
      "Who is the information about?",
      optionsFrom(PERSON_AT_RISK, {
        child: "A child or young person under 18",
        "adult-at-risk": { label: "An adult at risk", hint: "Someone aged 18 or over who is at risk." },
      }),
    ),
    {
      name: "caseReference",
      kind: "text",
      label: "Your organisation's case reference",
      hint:
        "Use your own case or record reference, for example CS-2024/0173. Do not enter the child's name or " +
        "date of birth.",
      maxLength: 40,
    },
  ],
  schema: z.strictObject({
    concernCategories: checkboxList(CONCERN_CATEGORIES, {
      missing: "Select what the concern is about",
    }),
    personAtRisk: choice(
      PERSON_AT_RISK,
      "Select whether the information is about a child under 18 or an adult at risk",
    ),
    caseReference: caseReference(),
  }),
});
