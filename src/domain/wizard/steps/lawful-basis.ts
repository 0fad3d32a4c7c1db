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
import { choice, optionalCheckboxList, withoutUndefined, type FieldOption } from "../fields";
import { YES_NO, defineStep } from "./shared";

/** Consent is one basis among several and often not the right one, so it is never listed first (rule 3). */
export const CONSENT_BASIS_IDS: readonly LawfulBasisId[] = ["art6-1-a", "art9-2-a", "common-law-consent"];

function lawfulBasisOptions(ids: readonly LawfulBasisId[]): FieldOption[] {
  const isConsent = (id: LawfulBasisId) => CONSENT_BASIS_IDS.includes(id);
  const consentLast = [...ids.filter((id) => !isConsent(id)), ...ids.filter(isConsent)];
  return consentLast.map((id) => {
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

export const lawfulBasisStep = defineStep("lawful-basis", "Lawful basis", {
  title: "What is your lawful basis for sharing?",
  hint:
    "You always need one main basis: UK GDPR Article 6, or for police law enforcement, section 35 of the " +
    "Data Protection Act 2018. Sensitive information needs more. Consent is only one option, and is often not " +
    "the right one when you are protecting someone.",
  ruleIds: [],
  noteIds: ["proportionate-interference-with-private-life"],
  fields: [
    {
      name: "article6",
      kind: "radios",
      label: "UK GDPR Article 6 lawful basis",
      hint: "Select one. For police law enforcement processing, select section 35 of the Data Protection Act 2018.",
      options: lawfulBasisOptions(ARTICLE_6_IDS),
    },
    {
      name: "specialCategory",
      kind: "radios",
      label: "Does the information include special category data?",
      hint:
        "Information about health, racial or ethnic origin, religion or beliefs, sex life or sexual " +
        "orientation, genetics or biometrics, political opinions or trade union membership.",
      options: [
        { value: "yes", label: "Yes", revealsFields: ["article9", "schedule8"] },
        { value: "no", label: "No" },
      ],
    },
    {
      name: "criminalOffenceData",
      kind: "radios",
      label: "Does the information include criminal offence data?",
      hint:
        "Allegations, offences, convictions or related security measures, for example about someone who may " +
        "pose a risk to a child. It needs a Schedule 1 condition (UK GDPR Article 10; Data Protection Act 2018 " +
        "s.10(5)); Part 2 conditions such as paragraph 18 apply to it without the substantial public interest " +
        "test (Schedule 1 paragraph 36).",
      options: [
        { value: "yes", label: "Yes" },
        { value: "no", label: "No" },
      ],
      optional: true,
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
      hint:
        "Needed with Article 9(2)(b), (g), (h), (i) or (j), and for criminal offence data. For safeguarding " +
        "without consent, this is usually paragraph 18.",
      options: lawfulBasisOptions(SCHEDULE_1_IDS),
    },
    {
      name: "schedule8",
      kind: "checkboxes",
      label: "Data Protection Act 2018 Schedule 8 condition (competent authorities, law enforcement only)",
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
      specialCategory: choice(YES_NO, "Select whether the information includes special category data"),
      criminalOffenceData: choice(YES_NO, "Select whether the information includes criminal offence data").optional(),
      article9: optionalCheckboxList(ARTICLE_9_IDS, invalidBasis),
      schedule1: optionalCheckboxList(SCHEDULE_1_IDS, invalidBasis),
      schedule8: optionalCheckboxList(SCHEDULE_8_IDS, invalidBasis),
      commonLaw: optionalCheckboxList(COMMON_LAW_IDS, invalidBasis),
      statutoryGateways: optionalCheckboxList(STATUTORY_GATEWAY_IDS, invalidBasis),
    })
    .transform((value) => {
      const answer = withoutUndefined(value);
      if (answer.specialCategory === "yes") return answer;
      // Schedule 1 also serves criminal offence data, so it stays when that was answered yes.
      const schedule1 = answer.criminalOffenceData === "yes" ? answer.schedule1 : [];
      return { ...answer, article9: [], schedule1, schedule8: [] };
    }),
});
