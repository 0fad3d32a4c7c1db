import { z } from "zod";
import { INFORMATION_SUBJECTS } from "../answers";
import { TEXT_MAX_LENGTH, checkboxList, choice, optionalText, optionsFrom, radiosField } from "../fields";
import { YES_NO, defineStep, dropWhen, requireWhen } from "./shared";

/**
 * Information about a child is often about other people too, and information from another agency
 * may not be yours to pass on. "Someone who may pose a risk" is what makes it criminal offence data
 * (UK GDPR Art 10), which the lawful-basis page then asks about.
 */
export const aboutTheInformation = defineStep("about-the-information", "About the concern", {
  title: "Who is the information about, and where did it come from?",
  ruleIds: [],
  noteIds: ["information-from-another-agency"],
  fields: [
    {
      name: "informationAbout",
      kind: "checkboxes",
      label: "Who is the information about?",
      hint: "Select all that apply.",
      options: optionsFrom(INFORMATION_SUBJECTS, {
        child: "The child or young person",
        sibling: "A brother or sister",
        "parent-or-carer": "A parent or carer",
        "person-may-pose-risk": {
          label: "Someone who may pose a risk to a child",
          hint: "Allegations or offences about them are criminal offence data: you will be asked about it.",
        },
        "unborn-child": "An unborn child",
        "adult-at-risk": "The adult at risk",
      }),
    },
    radiosField("fromAnotherAgency", "Did any of the information come from another agency?", [
      { value: "yes", label: "Yes", revealsFields: ["sourceAgency"] },
      { value: "no", label: "No" },
    ]),
    {
      name: "sourceAgency",
      kind: "text",
      label: "Which agency?",
      hint:
        "It may not be yours to pass on. Where it is safe to, check with them before you share it, or ask them " +
        "to share it themselves.",
      maxLength: TEXT_MAX_LENGTH,
    },
  ],
  schema: z
    .strictObject({
      informationAbout: checkboxList(INFORMATION_SUBJECTS, { missing: "Select who the information is about" }),
      fromAnotherAgency: choice(YES_NO, "Select whether any of the information came from another agency"),
      sourceAgency: optionalText("Which agency"),
    })
    .superRefine((value, ctx) =>
      requireWhen(value.fromAnotherAgency === "yes", value, ctx, {
        sourceAgency: "Enter which agency the information came from",
      }),
    )
    .transform((value) => dropWhen(value.fromAnotherAgency !== "yes", value, ["sourceAgency"])),
});
