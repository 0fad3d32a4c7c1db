import { z } from "zod";
import { ADULT_REFUSAL_OVERRIDE_REASONS, MENTAL_CAPACITY } from "../answers";
import { choice, optionalCheckboxList, optionsFrom, radiosField } from "../fields";
import { YES_NO, defineStep } from "./shared";

/**
 * An adult at risk has their own test: DPA 2018 Sch 1 para 18(3) (care and support needs, and
 * unable to protect themselves because of them), and the Mental Capacity Act 2005: a capacitous
 * adult's refusal is respected unless others are at risk, a serious crime is involved, or they
 * are coerced (Care Act 2014 ss.42 and 45 and its statutory guidance, s.14).
 */
export const adultAtRisk = defineStep("adult-at-risk", "About the concern", {
  title: "About the adult at risk",
  hint: "If you are not sure how to answer, ask your safeguarding adults lead before you go on.",
  ruleIds: [],
  noteIds: ["adults-at-risk-have-their-own-test"],
  fields: [
    radiosField(
      "careAndSupportNeeds",
      "Does the adult have needs for care and support?",
      optionsFrom(YES_NO, { yes: "Yes", no: "No" }),
      "Whether or not the local authority is meeting any of those needs.",
    ),
    radiosField(
      "unableToProtectThemselves",
      "Because of those needs, are they unable to protect themselves from abuse, neglect or harm?",
      optionsFrom(YES_NO, { yes: "Yes", no: "No" }),
    ),
    radiosField(
      "capacity",
      "Do they have the mental capacity to decide about sharing this information?",
      optionsFrom(MENTAL_CAPACITY, {
        "has-capacity": "Yes, they can make this decision",
        "lacks-capacity": "No, they cannot make this decision, and I will act in their best interests",
      }),
      "Assume they do unless it is established that they cannot make this decision (Mental Capacity Act 2005).",
    ),
    {
      name: "refusalOverrideReasons",
      kind: "checkboxes",
      label: "Do any of these apply?",
      hint: "If the adult can decide and says no, respect that unless one of these applies. Select all that apply.",
      options: optionsFrom(ADULT_REFUSAL_OVERRIDE_REASONS, {
        "others-at-risk": "Other people, including children, are at risk",
        "serious-crime": "A serious crime has been or may be committed",
        "coercion-or-undue-influence": "They are being coerced or unduly influenced by someone else",
      }),
      optional: true,
    },
  ],
  schema: z.strictObject({
    careAndSupportNeeds: choice(YES_NO, "Select whether the adult has needs for care and support"),
    unableToProtectThemselves: choice(
      YES_NO,
      "Select whether the adult is unable to protect themselves from abuse, neglect or harm",
    ),
    capacity: choice(MENTAL_CAPACITY, "Select whether the adult can decide about sharing this information"),
    refusalOverrideReasons: optionalCheckboxList(ADULT_REFUSAL_OVERRIDE_REASONS, "Select from the list"),
  }),
});
