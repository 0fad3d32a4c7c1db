import { z } from "zod";
import {
  ARTICLE_6_IDS,
  ARTICLE_9_IDS,
  COMMON_LAW_IDS,
  ORGANISATION_KINDS,
  SCHEDULE_1_IDS,
  SCHEDULE_8_IDS,
  STATUTORY_GATEWAY_IDS,
  isAvailableTo,
  lawfulBasis,
  type LawfulBasisId,
} from "../../lawful-basis";
import { choice, optionalCheckboxList, type FieldOption } from "../fields";
import { YES_NO, type StepDefinition } from "./shared";

function lawfulBasisOptions(ids: readonly LawfulBasisId[]): FieldOption[] {
  return ids.map((id) => {
    const basis = lawfulBasis(id);
    const availableTo = ORGANISATION_KINDS.filter((kind) => isAvailableTo(basis, kind));
    return {
      value: basis.id,
      label: basis.label,
      hint: `${basis.reference}. ${basis.help}`,
      ...(availableTo.length < ORGANISATION_KINDS.length ? { onlyFor: availableTo } : {}),
    };
  });
}

const invalidBasis = "Select a lawful basis from the list";

export const lawfulBasisStep: StepDefinition<"lawful-basis"> = {
  id: "lawful-basis",
  title: "What is your lawful basis for sharing?",
  caption: "Lawful basis",
  hint: "You always need one basis under UK GDPR Article 6. Sensitive information needs more. Consent is only one option, and is often not the right one when you are protecting a child.",
  ruleIds: ["consent-is-not-required-when-at-risk"],
  noteIds: ["data-protection-is-not-a-barrier", "consent-must-be-a-real-choice"],
  fields: [
    {
      name: "article6",
      kind: "radios",
      label: "UK GDPR Article 6 lawful basis",
      hint: "Select one.",
      options: lawfulBasisOptions(ARTICLE_6_IDS),
    },
    {
      name: "specialCategory",
      kind: "radios",
      label: "Does the information include special category data?",
      hint: "Information about health, racial or ethnic origin, religion or beliefs, sex life or sexual orientation, genetics or biometrics, political opinions or trade union membership.",
      options: [
        { value: "yes", label: "Yes", revealsFields: ["article9", "schedule1", "schedule8"] },
        { value: "no", label: "No" },
      ],
    },
    {
      name: "article9",
      kind: "checkboxes",
      label: "UK GDPR Article 9 condition",
      hint: "Select all that apply.",
      options: lawfulBasisOptions(ARTICLE_9_IDS),
    },
    {
      name: "schedule1",
      kind: "checkboxes",
      label: "Data Protection Act 2018 Schedule 1 condition",
      hint: "Needed with Article 9(2)(b), (g), (h), (i) or (j). For safeguarding, this is usually paragraph 18.",
      options: lawfulBasisOptions(SCHEDULE_1_IDS),
    },
    {
      name: "schedule8",
      kind: "checkboxes",
      label: "Data Protection Act 2018 Schedule 8 condition (police, law enforcement only)",
      options: lawfulBasisOptions(SCHEDULE_8_IDS),
      optional: true,
    },
    {
      name: "commonLaw",
      kind: "checkboxes",
      label: "Why is it right to set aside confidentiality?",
      hint: "Needed when the information is confidential. Select all that apply.",
      options: lawfulBasisOptions(COMMON_LAW_IDS),
    },
    {
      name: "statutoryGateways",
      kind: "checkboxes",
      label: "Legal duty or power to share",
      hint: "Select any that apply.",
      options: lawfulBasisOptions(STATUTORY_GATEWAY_IDS),
      optional: true,
    },
  ],
  schema: z
    .strictObject({
      article6: choice(ARTICLE_6_IDS, "Select the UK GDPR Article 6 lawful basis for sharing"),
      specialCategory: choice(
        YES_NO,
        "Select whether the information includes special category data",
      ),
      article9: optionalCheckboxList(ARTICLE_9_IDS, invalidBasis),
      schedule1: optionalCheckboxList(SCHEDULE_1_IDS, invalidBasis),
      schedule8: optionalCheckboxList(SCHEDULE_8_IDS, invalidBasis),
      commonLaw: optionalCheckboxList(COMMON_LAW_IDS, invalidBasis),
      statutoryGateways: optionalCheckboxList(STATUTORY_GATEWAY_IDS, invalidBasis),
    })
    .transform((value) =>
      value.specialCategory === "yes"
        ? value
        : { ...value, article9: [], schedule1: [], schedule8: [] },
    ),
};
