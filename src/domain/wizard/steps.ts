import { z } from "zod";
import {
  FLOWCHART,
  type AdvisableQuestionId,
  type FlowchartOption,
} from "../flowchart";
import {
  CHECKLIST_PRINCIPLE_IDS,
  PRINCIPLES,
  type GoldenRuleId,
  type GuidanceNoteId,
} from "../guidance";
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
} from "../lawful-basis";
import { DECISION_OUTCOMES } from "../decision/departure";
import {
  ADVISER_ROLES,
  CONCERN_CATEGORIES,
  FACT_AND_OPINION,
  HISTORICAL_INFORMATION,
  IDENTITIES_TO_PROTECT,
  NOT_SOUGHT_REASONS,
  OTHER_LAWFUL_REASON_KINDS,
  PERSON_AT_RISK,
  REQUEST_ORIGINS,
  SHARING_METHODS,
  type AdviceAnswer,
  type ConsentAdviceAnswer,
  type StepId,
  type StepValues,
} from "./answers";
import {
  NO_NAMES_HINT,
  TEXTAREA_MAX_LENGTH,
  TEXT_MAX_LENGTH,
  caseReference,
  checkboxList,
  choice,
  isoDate,
  optionalCheckboxList,
  optionalText,
  optionsFrom,
  reasonText,
  requiredText,
  withoutUndefined,
  type FieldDefinition,
  type FieldOption,
} from "./fields";

export type StepCaption =
  | "Urgency"
  | "About the concern"
  | "Can you share?"
  | "Seeking advice"
  | "Lawful basis"
  | "Sharing safely"
  | "Your decision";

/** Everything one generic page needs to render, validate and explain a step. */
export interface StepDefinition<Id extends StepId = StepId> {
  id: Id;
  /** The page heading, phrased as the question (GOV.UK style). */
  title: string;
  caption: StepCaption;
  hint?: string;
  /** Golden rules whose guidance appears on the page. */
  ruleIds: readonly GoldenRuleId[];
  noteIds?: readonly GuidanceNoteId[];
  fields: readonly FieldDefinition[];
  /** Parses the page's form input (strings; checkboxes as string[]) into the stored answer. */
  schema: z.ZodType<StepValues[Id]>;
}

const YES_NO = ["yes", "no"] as const;
const YES_NO_NOT_SURE = ["yes", "no", "not-sure"] as const;
const CONSENT_ANSWERS = ["given", "refused", "withdrawn", "not-sought", "not-sure"] as const;
const RESOLVED_CONSENT_ANSWERS = ["given", "refused", "withdrawn", "not-sought"] as const;

const tooLong = (name: string, max = TEXT_MAX_LENGTH) => `${name} must be ${max} characters or less`;

function flowchartOptions(options: ReadonlyArray<FlowchartOption<string>>): FieldOption[] {
  return options.map(({ value, label, hint }) => (hint ? { value, label, hint } : { value, label }));
}

function missingIssue(ctx: z.RefinementCtx, field: string, message: string): void {
  ctx.addIssue({ code: "custom", path: [field], message });
}

// ---------------------------------------------------------------- urgency, request, concern

const urgency: StepDefinition<"urgency"> = {
  id: "urgency",
  title: FLOWCHART["immediate-risk"].question,
  caption: "Urgency",
  hint: "For example, a child is in danger now, or will be if you do not act today.",
  ruleIds: ["protection-comes-first"],
  noteIds: ["emergency-act-now", "data-protection-is-not-a-barrier"],
  fields: [
    {
      name: "immediateRisk",
      kind: "radios",
      label: FLOWCHART["immediate-risk"].question,
      hint: FLOWCHART["immediate-risk"].hint,
      options: [
        {
          value: "yes",
          label: "Yes",
          hint: "Follow your safeguarding procedures now. You can record the decision straight afterwards.",
        },
        { value: "no", label: "No" },
      ],
    },
  ],
  schema: z.strictObject({
    immediateRisk: choice(YES_NO, "Select whether a child is at immediate risk of significant harm"),
  }),
};

const request: StepDefinition<"request"> = {
  id: "request",
  title: "Has someone asked you to share information, or do you want to share it?",
  caption: "About the concern",
  ruleIds: ["record-your-reasons"],
  fields: [
    {
      name: "origin",
      kind: "radios",
      label: "Has someone asked you to share information, or do you want to share it?",
      options: [
        {
          value: "request",
          label: "Someone has asked me for information",
          revealsFields: ["requesterName", "requesterRole", "requesterOrganisation"],
        },
        { value: "own-initiative", label: "I want to share information" },
      ],
    },
    {
      name: "requesterName",
      kind: "text",
      label: "Name of the person asking",
      hint: "The professional who asked, not the child or family.",
      maxLength: TEXT_MAX_LENGTH,
      optional: true,
    },
    {
      name: "requesterRole",
      kind: "text",
      label: "Their role",
      hint: "For example, social worker, health visitor, police officer.",
      maxLength: TEXT_MAX_LENGTH,
    },
    {
      name: "requesterOrganisation",
      kind: "text",
      label: "Their organisation",
      maxLength: TEXT_MAX_LENGTH,
    },
  ],
  schema: z
    .strictObject({
      origin: choice(
        REQUEST_ORIGINS,
        "Select whether someone has asked you to share information or you want to share it",
      ),
      requesterName: optionalText("Name of the person asking"),
      requesterRole: optionalText("Role"),
      requesterOrganisation: optionalText("Organisation"),
    })
    .superRefine((value, ctx) => {
      if (value.origin !== "request") return;
      if (!value.requesterRole) {
        missingIssue(ctx, "requesterRole", "Enter the role of the person asking for information");
      }
      if (!value.requesterOrganisation) {
        missingIssue(
          ctx,
          "requesterOrganisation",
          "Enter the organisation of the person asking for information",
        );
      }
    })
    .transform((value) =>
      value.origin === "request" ? withoutUndefined(value) : { origin: value.origin },
    ),
};

const concern: StepDefinition<"concern"> = {
  id: "concern",
  title: "What is the concern about?",
  caption: "About the concern",
  ruleIds: ["protection-comes-first"],
  noteIds: ["do-not-name-the-child"],
  fields: [
    {
      name: "concernCategories",
      kind: "checkboxes",
      label: "What is the concern about?",
      hint: "Select all that apply.",
      options: optionsFrom(CONCERN_CATEGORIES, {
        "child-health-or-development":
          "The child's health or development, or their exposure to possible harm",
        "parent-may-need-help":
          "A parent or carer who may need help, or may not be able to care for the child safely",
        "person-may-pose-risk": "Someone who may pose a risk of harm to a child",
      }),
    },
    {
      name: "personAtRisk",
      kind: "radios",
      label: "Who is the information about?",
      options: optionsFrom(PERSON_AT_RISK, {
        child: "A child or young person under 18",
        "adult-at-risk": { label: "An adult at risk", hint: "Someone aged 18 or over who is at risk." },
      }),
    },
    {
      name: "caseReference",
      kind: "text",
      label: "Your organisation's case reference",
      hint: "Use your own case or record reference, for example CS-2024/0173. Do not enter the child's name or date of birth.",
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
};

const significantHarm: StepDefinition<"significant-harm"> = {
  id: "significant-harm",
  title: "Is the child suffering, or likely to suffer, significant harm?",
  caption: "About the concern",
  hint: "For an adult at risk, think about whether they are at risk of serious harm.",
  ruleIds: ["consent-is-not-required-when-at-risk", "protection-comes-first"],
  fields: [
    {
      name: "significantHarm",
      kind: "radios",
      label: "Is the child suffering, or likely to suffer, significant harm?",
      options: [
        {
          value: "yes",
          label: "Yes",
          hint: "Follow your safeguarding procedures without delay. You do not need consent to share.",
        },
        { value: "no", label: "No" },
        {
          value: "not-sure",
          label: "I'm not sure",
          hint: "Talk to your designated safeguarding lead. You will still be asked whether you can share.",
        },
      ],
    },
  ],
  schema: z.strictObject({
    significantHarm: choice(
      YES_NO_NOT_SURE,
      "Select whether the child is suffering, or likely to suffer, significant harm",
    ),
  }),
};

// ---------------------------------------------------------------- the flowchart questions

const purpose: StepDefinition<"purpose"> = {
  id: "purpose",
  title: FLOWCHART.purpose.question,
  caption: "Can you share?",
  hint: FLOWCHART.purpose.hint,
  ruleIds: FLOWCHART.purpose.ruleIds,
  fields: [
    {
      name: "legitimatePurpose",
      kind: "radios",
      label: FLOWCHART.purpose.question,
      options: flowchartOptions(FLOWCHART.purpose.options),
    },
  ],
  schema: z.strictObject({
    legitimatePurpose: choice(
      YES_NO_NOT_SURE,
      "Select whether there is a clear and legitimate purpose for sharing",
    ),
  }),
};

const identifiable: StepDefinition<"identifiable"> = {
  id: "identifiable",
  title: FLOWCHART.identifiable.question,
  caption: "Can you share?",
  hint: FLOWCHART.identifiable.hint,
  ruleIds: FLOWCHART.identifiable.ruleIds,
  fields: [
    {
      name: "identifiable",
      kind: "radios",
      label: FLOWCHART.identifiable.question,
      options: flowchartOptions(FLOWCHART.identifiable.options),
    },
  ],
  schema: z.strictObject({
    identifiable: choice(YES_NO_NOT_SURE, "Select whether the information identifies a person"),
  }),
};

const confidential: StepDefinition<"confidential"> = {
  id: "confidential",
  title: FLOWCHART.confidential.question,
  caption: "Can you share?",
  hint: FLOWCHART.confidential.hint,
  ruleIds: FLOWCHART.confidential.ruleIds,
  fields: [
    {
      name: "confidential",
      kind: "radios",
      label: FLOWCHART.confidential.question,
      options: flowchartOptions(FLOWCHART.confidential.options),
    },
  ],
  schema: z.strictObject({
    confidential: choice(YES_NO_NOT_SURE, "Select whether the information is confidential"),
  }),
};

const NOT_SOUGHT_REASON_OPTIONS = optionsFrom(NOT_SOUGHT_REASONS, {
  unsafe: "Asking would be unsafe, for the child or someone else",
  inappropriate: "Asking would be inappropriate, for example it could harm an investigation",
  "harmful-delay": "Asking would cause a delay that could harm the child",
});

const NOT_SOUGHT_REASON_MISSING = "Select why you have not asked for consent";

const consent: StepDefinition<"consent"> = {
  id: "consent",
  title: FLOWCHART.consent.question,
  caption: "Can you share?",
  hint: FLOWCHART.consent.hint,
  ruleIds: FLOWCHART.consent.ruleIds,
  noteIds: ["consent-must-be-a-real-choice", "never-promise-secrecy"],
  fields: [
    {
      name: "consent",
      kind: "radios",
      label: FLOWCHART.consent.question,
      options: flowchartOptions(FLOWCHART.consent.options).map((option) =>
        option.value === "not-sought" ? { ...option, revealsFields: ["notSoughtReason"] } : option,
      ),
    },
    {
      name: "notSoughtReason",
      kind: "radios",
      label: "Why have you not asked for consent?",
      options: NOT_SOUGHT_REASON_OPTIONS,
    },
  ],
  schema: z
    .strictObject({
      consent: choice(CONSENT_ANSWERS, "Select whether you have consent to share"),
      notSoughtReason: choice(NOT_SOUGHT_REASONS, NOT_SOUGHT_REASON_MISSING).optional(),
    })
    .superRefine((value, ctx) => {
      if (value.consent === "not-sought" && !value.notSoughtReason) {
        missingIssue(ctx, "notSoughtReason", NOT_SOUGHT_REASON_MISSING);
      }
    })
    .transform((value) =>
      value.consent === "not-sought" ? withoutUndefined(value) : { consent: value.consent },
    ),
};

const REASON_KINDS_MISSING = "Select the lawful reason to share without consent";

const otherLawfulReason: StepDefinition<"other-lawful-reason"> = {
  id: "other-lawful-reason",
  title: FLOWCHART["other-lawful-reason"].question,
  caption: "Can you share?",
  hint: FLOWCHART["other-lawful-reason"].hint,
  ruleIds: FLOWCHART["other-lawful-reason"].ruleIds,
  fields: [
    {
      name: "otherLawfulReason",
      kind: "radios",
      label: FLOWCHART["other-lawful-reason"].question,
      options: flowchartOptions(FLOWCHART["other-lawful-reason"].options).map((option) =>
        option.value === "yes" ? { ...option, revealsFields: ["reasonKinds"] } : option,
      ),
    },
    {
      name: "reasonKinds",
      kind: "checkboxes",
      label: "What is the lawful reason?",
      hint: "Select all that apply. You will choose the exact legal basis later.",
      options: optionsFrom(OTHER_LAWFUL_REASON_KINDS, {
        "statutory-duty-or-power": "A legal duty or power to share",
        "public-function": "My organisation's public functions",
        "vital-interests": "Protecting someone's life",
        "public-interest": "A public interest that outweighs keeping the information confidential",
      }),
    },
  ],
  schema: z
    .strictObject({
      otherLawfulReason: choice(
        YES_NO_NOT_SURE,
        "Select whether there is another lawful reason to share without consent",
      ),
      reasonKinds: optionalCheckboxList(OTHER_LAWFUL_REASON_KINDS, REASON_KINDS_MISSING),
    })
    .superRefine((value, ctx) => {
      if (value.otherLawfulReason === "yes" && value.reasonKinds.length === 0) {
        missingIssue(ctx, "reasonKinds", REASON_KINDS_MISSING);
      }
    })
    .transform((value) =>
      value.otherLawfulReason === "yes"
        ? value
        : { otherLawfulReason: value.otherLawfulReason },
    ),
};

// ---------------------------------------------------------------- seeking advice

const ADVICE_TOPICS: Record<AdvisableQuestionId, string> = {
  purpose: "the purpose of sharing",
  identifiable: "whether the information identifies someone",
  confidential: "whether the information is confidential",
  consent: "consent",
  "other-lawful-reason": "whether there is another lawful reason to share",
};

const ADVISER_OPTIONS = optionsFrom(ADVISER_ROLES, {
  "manager-or-supervisor": "My manager or supervisor",
  "designated-safeguarding-lead": "The designated safeguarding lead",
  "information-governance-lead": "The information governance lead or data protection officer",
  "caldicott-guardian": "The Caldicott Guardian",
  "legal-team": "A legal or policy team",
  other: { label: "Someone else", revealsFields: ["adviceFromOther"] },
});

function adviceFields(questionId: AdvisableQuestionId): FieldDefinition[] {
  const question = FLOWCHART[questionId];
  const informedOptions = flowchartOptions(question.options).filter(
    (option) => option.value !== "not-sure",
  );
  return [
    {
      name: "adviceFrom",
      kind: "radios",
      label: "Who did you ask for advice?",
      hint: "Record their role, not their name. Avoid naming the child or family when you ask, where you can.",
      options: ADVISER_OPTIONS,
    },
    {
      name: "adviceFromOther",
      kind: "text",
      label: "Their role",
      maxLength: TEXT_MAX_LENGTH,
    },
    {
      name: "adviceGiven",
      kind: "textarea",
      label: "What did they advise?",
      hint: NO_NAMES_HINT,
      maxLength: TEXTAREA_MAX_LENGTH,
    },
    {
      name: "informedAnswer",
      kind: "radios",
      label: `Now that you have taken advice: ${question.question.charAt(0).toLowerCase()}${question.question.slice(1)}`,
      options:
        questionId === "consent"
          ? informedOptions.map((option) =>
              option.value === "not-sought"
                ? { ...option, revealsFields: ["informedNotSoughtReason"] }
                : option,
            )
          : informedOptions,
    },
    ...(questionId === "consent"
      ? [
          {
            name: "informedNotSoughtReason",
            kind: "radios",
            label: "Why have you not asked for consent?",
            options: NOT_SOUGHT_REASON_OPTIONS,
          } satisfies FieldDefinition,
        ]
      : []),
  ];
}

const ADVICE_MESSAGES = {
  adviceFrom: "Select who you asked for advice",
  adviceFromOther: "Enter the role of the person you asked",
  adviceGiven: "Enter what you were advised",
};

const adviceShape = {
  adviceFrom: choice(ADVISER_ROLES, ADVICE_MESSAGES.adviceFrom),
  adviceFromOther: optionalText("Role"),
  adviceGiven: requiredText(
    { missing: ADVICE_MESSAGES.adviceGiven, tooLong: tooLong("Advice", TEXTAREA_MAX_LENGTH) },
    TEXTAREA_MAX_LENGTH,
  ),
};

function requireOtherAdviser(
  value: { adviceFrom: string; adviceFromOther?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.adviceFrom === "other" && !value.adviceFromOther) {
    missingIssue(ctx, "adviceFromOther", ADVICE_MESSAGES.adviceFromOther);
  }
}

function withoutHiddenAdviser<T extends { adviceFrom: string; adviceFromOther?: string | undefined }>(
  value: T,
): T {
  return withoutUndefined(
    value.adviceFrom === "other" ? value : { ...value, adviceFromOther: undefined },
  );
}

function yesNoAdviceSchema(questionId: AdvisableQuestionId): z.ZodType<AdviceAnswer> {
  return z
    .strictObject({
      ...adviceShape,
      informedAnswer: choice(
        YES_NO,
        `Select your answer now that you have taken advice on ${ADVICE_TOPICS[questionId]}`,
      ),
    })
    .superRefine(requireOtherAdviser)
    .transform(withoutHiddenAdviser);
}

const consentAdviceSchema: z.ZodType<ConsentAdviceAnswer> = z
  .strictObject({
    ...adviceShape,
    informedAnswer: choice(
      RESOLVED_CONSENT_ANSWERS,
      "Select your answer now that you have taken advice on consent",
    ),
    informedNotSoughtReason: choice(NOT_SOUGHT_REASONS, NOT_SOUGHT_REASON_MISSING).optional(),
  })
  .superRefine((value, ctx) => {
    requireOtherAdviser(value, ctx);
    if (value.informedAnswer === "not-sought" && !value.informedNotSoughtReason) {
      missingIssue(ctx, "informedNotSoughtReason", NOT_SOUGHT_REASON_MISSING);
    }
  })
  .transform((value) =>
    withoutHiddenAdviser(
      value.informedAnswer === "not-sought" ? value : { ...value, informedNotSoughtReason: undefined },
    ),
  );

export const ADVICE_STEP_FOR_QUESTION = {
  purpose: "purpose-advice",
  identifiable: "identifiable-advice",
  confidential: "confidential-advice",
  consent: "consent-advice",
  "other-lawful-reason": "other-lawful-reason-advice",
} as const satisfies Record<AdvisableQuestionId, StepId>;

export type AdviceStepId = (typeof ADVICE_STEP_FOR_QUESTION)[AdvisableQuestionId];

function adviceStep<Id extends AdviceStepId>(
  id: Id,
  questionId: AdvisableQuestionId,
  schema: z.ZodType<StepValues[Id]>,
): StepDefinition<Id> {
  return {
    id,
    title: `Record the advice you were given about ${ADVICE_TOPICS[questionId]}`,
    caption: "Seeking advice",
    hint: `You were not sure ${FLOWCHART[questionId].notSurePhrase}. Ask for advice before you go on, then answer the question again.`,
    ruleIds: ["seek-advice-promptly"],
    fields: adviceFields(questionId),
    schema,
  };
}

// ---------------------------------------------------------------- lawful basis

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

const lawfulBasisStep: StepDefinition<"lawful-basis"> = {
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

// ---------------------------------------------------------------- sharing safely

const PROTECTION_STEPS_MISSING = "Enter how you will protect their identities";

const safety: StepDefinition<"safety"> = {
  id: "safety",
  title: "How will your decision affect the safety and well-being of the child and others?",
  caption: "Sharing safely",
  hint: "Think about the child, their family, and anyone else who could be affected by sharing or by not sharing.",
  ruleIds: ["protect-identities", "protection-comes-first"],
  fields: [
    {
      name: "safetyConsiderations",
      kind: "textarea",
      label: "Effect on safety and well-being",
      hint: NO_NAMES_HINT,
      maxLength: TEXTAREA_MAX_LENGTH,
    },
    {
      name: "identitiesToProtect",
      kind: "checkboxes",
      label: "Whose identity needs protecting?",
      hint: "People who could be harmed if an abuser, or someone close to them, found out about them. Select all that apply.",
      options: optionsFrom(IDENTITIES_TO_PROTECT, {
        child: "The child",
        "parent-or-carer": "A parent or carer",
        "other-family-member": "Another family member",
        "neighbour-or-member-of-public": "A neighbour or member of the public",
        "colleague-or-professional": "A colleague or other professional",
        "anonymous-referrer": "Someone who made a referral anonymously",
        none: "No one's identity needs protecting",
      }),
    },
    {
      name: "protectionSteps",
      kind: "textarea",
      label: "How will you protect their identities?",
      hint: "For example, what you will leave out, and what you will ask the person receiving it to do. Leave blank if no one's identity needs protecting.",
      maxLength: TEXTAREA_MAX_LENGTH,
    },
  ],
  schema: z
    .strictObject({
      safetyConsiderations: requiredText(
        {
          missing: "Enter how your decision will affect the safety and well-being of the child and others",
          tooLong: tooLong("Effect on safety and well-being", TEXTAREA_MAX_LENGTH),
        },
        TEXTAREA_MAX_LENGTH,
      ),
      identitiesToProtect: checkboxList(IDENTITIES_TO_PROTECT, {
        missing: "Select whose identity needs protecting, or select no one",
      }),
      protectionSteps: optionalText("How you will protect identities", TEXTAREA_MAX_LENGTH),
    })
    .superRefine((value, ctx) => {
      const someone = value.identitiesToProtect.some((identity) => identity !== "none");
      if (someone && value.identitiesToProtect.includes("none")) {
        missingIssue(
          ctx,
          "identitiesToProtect",
          "Select the people whose identity needs protecting, or select no one, not both",
        );
      } else if (someone && !value.protectionSteps) {
        missingIssue(ctx, "protectionSteps", PROTECTION_STEPS_MISSING);
      }
    })
    .transform((value) =>
      withoutUndefined(
        value.identitiesToProtect.includes("none") ? { ...value, protectionSteps: undefined } : value,
      ),
    ),
};

const PRINCIPLES_MISSING =
  "Confirm that the information meets every principle, or change what you will share";

const informationToShare: StepDefinition<"information-to-share"> = {
  id: "information-to-share",
  title: "What information will you share?",
  caption: "Sharing safely",
  hint: "Share only what the person receiving it needs. You will rarely need to send a whole record.",
  ruleIds: ["share-only-what-is-needed", "protect-identities"],
  noteIds: ["do-not-name-the-child"],
  fields: [
    {
      name: "informationDescription",
      kind: "textarea",
      label: "Describe exactly what you will share",
      hint: `Say which parts are fact and which are opinion, and mark anything historical with when it happened. ${NO_NAMES_HINT}`,
      maxLength: TEXTAREA_MAX_LENGTH,
    },
    {
      name: "informationWithheld",
      kind: "textarea",
      label: "What are you leaving out, and why?",
      hint: "For example, details that could identify someone who needs protecting.",
      maxLength: TEXTAREA_MAX_LENGTH,
      optional: true,
    },
    {
      name: "factAndOpinion",
      kind: "radios",
      label: "Does it include opinion as well as fact?",
      options: optionsFrom(FACT_AND_OPINION, {
        "facts-only": "No, it is all fact",
        "facts-and-opinion-marked": "Yes, and I have made clear which parts are opinion",
      }),
    },
    {
      name: "historicalInformation",
      kind: "radios",
      label: "Does it include historical information?",
      options: optionsFrom(HISTORICAL_INFORMATION, {
        none: "No",
        "included-and-marked": "Yes, and I have marked it as historical",
      }),
    },
    {
      name: "principlesConfirmed",
      kind: "checkboxes",
      label: "Confirm that the information you will share is:",
      hint: "Select every statement. If you cannot, change what you will share.",
      options: CHECKLIST_PRINCIPLE_IDS.map((id) => {
        const principle = PRINCIPLES.find((candidate) => candidate.id === id);
        return { value: id, label: principle?.confirmation ?? id, hint: principle?.explanation ?? "" };
      }),
    },
  ],
  schema: z
    .strictObject({
      informationDescription: requiredText(
        {
          missing: "Enter what information you will share",
          tooLong: tooLong("Description of the information", TEXTAREA_MAX_LENGTH),
        },
        TEXTAREA_MAX_LENGTH,
      ),
      informationWithheld: optionalText("What you are leaving out", TEXTAREA_MAX_LENGTH),
      factAndOpinion: choice(
        FACT_AND_OPINION,
        "Select whether the information includes opinion as well as fact",
      ),
      historicalInformation: choice(
        HISTORICAL_INFORMATION,
        "Select whether the information includes historical information",
      ),
      principlesConfirmed: checkboxList(CHECKLIST_PRINCIPLE_IDS, { missing: PRINCIPLES_MISSING }),
    })
    .superRefine((value, ctx) => {
      if (CHECKLIST_PRINCIPLE_IDS.some((id) => !value.principlesConfirmed.includes(id))) {
        missingIssue(ctx, "principlesConfirmed", PRINCIPLES_MISSING);
      }
    })
    .transform((value) =>
      withoutUndefined({
        ...value,
        // Stored in checklist order so identical answers compare equal.
        principlesConfirmed: CHECKLIST_PRINCIPLE_IDS.filter((id) =>
          value.principlesConfirmed.includes(id),
        ),
      }),
    ),
};

const sharingMethod: StepDefinition<"sharing-method"> = {
  id: "sharing-method",
  title: "How will you share the information securely?",
  caption: "Sharing safely",
  ruleIds: ["share-only-what-is-needed"],
  fields: [
    {
      name: "method",
      kind: "radios",
      label: "How will you share it?",
      options: optionsFrom(SHARING_METHODS, {
        "secure-email": {
          label: "Secure email",
          hint: "Between secure email domains, or using an encrypted email service.",
        },
        "encrypted-attachment": "Email with an encrypted attachment",
        "secure-system": "A shared case management system or secure portal",
        phone: "By phone",
        meeting: "In person, for example at a meeting",
        post: "By post",
        other: { label: "Another way", revealsFields: ["methodOther"] },
      }),
    },
    {
      name: "methodOther",
      kind: "text",
      label: "How will you share it?",
      maxLength: TEXT_MAX_LENGTH,
    },
    {
      name: "securityMeasures",
      kind: "textarea",
      label: "How will you keep it secure?",
      hint: "For example, checking the recipient's identity and email address, encrypting, marking it OFFICIAL-SENSITIVE, or asking them to confirm receipt.",
      maxLength: TEXTAREA_MAX_LENGTH,
    },
  ],
  schema: z
    .strictObject({
      method: choice(SHARING_METHODS, "Select how you will share the information"),
      methodOther: optionalText("How you will share it"),
      securityMeasures: requiredText(
        {
          missing: "Enter how you will keep the information secure",
          tooLong: tooLong("How you will keep it secure", TEXTAREA_MAX_LENGTH),
        },
        TEXTAREA_MAX_LENGTH,
      ),
    })
    .superRefine((value, ctx) => {
      if (value.method === "other" && !value.methodOther) {
        missingIssue(ctx, "methodOther", "Enter how you will share the information");
      }
    })
    .transform((value) =>
      withoutUndefined(value.method === "other" ? value : { ...value, methodOther: undefined }),
    ),
};

const REASON_NOT_INFORMING_MISSING = "Enter why you will not tell them";

const informing: StepDefinition<"informing"> = {
  id: "informing",
  title: "Will you tell the person, or their family, that you are sharing their information?",
  caption: "Sharing safely",
  hint: "Tell them what you are sharing, with whom and why, unless that could put the child or anyone else at greater risk of harm.",
  ruleIds: ["engage-the-child-and-carers"],
  fields: [
    {
      name: "informPerson",
      kind: "radios",
      label: "Will you tell the person, or their family, that you are sharing their information?",
      options: [
        { value: "yes", label: "Yes, they have been or will be told" },
        { value: "no", label: "No", revealsFields: ["reasonNotInforming"] },
      ],
    },
    {
      name: "reasonNotInforming",
      kind: "textarea",
      label: "Why will you not tell them?",
      hint: `For example, a carer might harm the child or react violently, or the child might stop using services. ${NO_NAMES_HINT}`,
      maxLength: TEXTAREA_MAX_LENGTH,
    },
  ],
  schema: z
    .strictObject({
      informPerson: choice(
        YES_NO,
        "Select whether you will tell the person that you are sharing their information",
      ),
      reasonNotInforming: optionalText("Why you will not tell them", TEXTAREA_MAX_LENGTH),
    })
    .superRefine((value, ctx) => {
      if (value.informPerson === "no" && !value.reasonNotInforming) {
        missingIssue(ctx, "reasonNotInforming", REASON_NOT_INFORMING_MISSING);
      }
    })
    .transform((value) =>
      withoutUndefined(
        value.informPerson === "no" ? value : { ...value, reasonNotInforming: undefined },
      ),
    ),
};

// ---------------------------------------------------------------- the decision

const decision: StepDefinition<"decision"> = {
  id: "decision",
  title: "What have you decided?",
  caption: "Your decision",
  hint: "Record your decision and your reasons whether or not you share.",
  ruleIds: ["record-your-reasons", "protection-comes-first"],
  noteIds: ["escalate-refusals-at-pace"],
  fields: [
    {
      name: "outcome",
      kind: "radios",
      label: "Your decision",
      options: [
        { value: "SHARE", label: "Share the information" },
        { value: "SHARE_PART", label: "Share some of the information" },
        { value: "NO_SHARE", label: "Do not share" },
      ],
    },
    {
      name: "rationale",
      kind: "textarea",
      label: "Why have you made this decision?",
      hint: `Explain your reasons so that someone else could understand them. If you are not sharing, say what would make you think again. ${NO_NAMES_HINT}`,
      maxLength: TEXTAREA_MAX_LENGTH,
    },
    {
      name: "purpose",
      kind: "textarea",
      label: "What is the purpose of sharing?",
      hint: "What the information will be used for. If you are not sharing, what it was asked for.",
      maxLength: TEXTAREA_MAX_LENGTH,
    },
    {
      name: "recipientName",
      kind: "text",
      label: "Name of the person receiving the information",
      hint: "If you are sharing with a team, such as a multi-agency safeguarding hub, give the team's name. You can leave this blank if you are not sharing.",
      maxLength: TEXT_MAX_LENGTH,
    },
    {
      name: "recipientRole",
      kind: "text",
      label: "Their role",
      maxLength: TEXT_MAX_LENGTH,
    },
    {
      name: "recipientOrganisation",
      kind: "text",
      label: "Their organisation",
      maxLength: TEXT_MAX_LENGTH,
    },
    {
      name: "decisionDate",
      kind: "date",
      label: "Date of the decision",
      hint: "For example, 27 3 2025.",
    },
  ],
  schema: z
    .strictObject({
      outcome: choice(DECISION_OUTCOMES, "Select your decision"),
      rationale: reasonText({
        missing: "Enter the reasons for your decision",
        tooShort: "Reasons for your decision must be 40 characters or more",
        tooLong: tooLong("Reasons for your decision", TEXTAREA_MAX_LENGTH),
      }),
      purpose: requiredText(
        {
          missing: "Enter the purpose of sharing",
          tooLong: tooLong("Purpose", TEXTAREA_MAX_LENGTH),
        },
        TEXTAREA_MAX_LENGTH,
      ),
      recipientName: optionalText("Name of the person receiving the information"),
      recipientRole: optionalText("Role"),
      recipientOrganisation: optionalText("Organisation"),
      decisionDate: isoDate({
        missing: "Enter the date of the decision",
        invalid: "Date of the decision must be a real date",
      }),
    })
    .superRefine((value, ctx) => {
      if (value.outcome === "NO_SHARE") return;
      if (!value.recipientName) {
        missingIssue(ctx, "recipientName", "Enter the name of the person receiving the information");
      }
      if (!value.recipientRole) {
        missingIssue(ctx, "recipientRole", "Enter the role of the person receiving the information");
      }
      if (!value.recipientOrganisation) {
        missingIssue(
          ctx,
          "recipientOrganisation",
          "Enter the organisation of the person receiving the information",
        );
      }
    })
    .transform(withoutUndefined),
};

const departureReason: StepDefinition<"departure-reason"> = {
  id: "departure-reason",
  title: "Why does your decision differ from what the flowchart indicates?",
  caption: "Your decision",
  hint: "Your decision will be sent to your supervisor for review.",
  ruleIds: ["record-your-reasons", "seek-advice-promptly"],
  fields: [
    {
      name: "departureReason",
      kind: "textarea",
      label: "Why does your decision differ from what the flowchart indicates?",
      hint: NO_NAMES_HINT,
      maxLength: TEXTAREA_MAX_LENGTH,
    },
  ],
  schema: z.strictObject({
    departureReason: reasonText({
      missing: "Enter why your decision differs from what the flowchart indicates",
      tooShort: "Reason your decision differs must be 40 characters or more",
      tooLong: tooLong("Reason your decision differs", TEXTAREA_MAX_LENGTH),
    }),
  }),
};

const checkAnswers: StepDefinition<"check-answers"> = {
  id: "check-answers",
  title: "Check your answers before recording your decision",
  caption: "Your decision",
  hint: "Once recorded, a decision cannot be changed. You can record a correction or reconsider it later.",
  ruleIds: ["record-your-reasons"],
  fields: [],
  schema: z.strictObject({}) as z.ZodType<Record<string, never>>,
};

export const STEPS: { readonly [Id in StepId]: StepDefinition<Id> } = {
  urgency,
  request,
  concern,
  "significant-harm": significantHarm,
  purpose,
  "purpose-advice": adviceStep("purpose-advice", "purpose", yesNoAdviceSchema("purpose")),
  identifiable,
  "identifiable-advice": adviceStep(
    "identifiable-advice",
    "identifiable",
    yesNoAdviceSchema("identifiable"),
  ),
  confidential,
  "confidential-advice": adviceStep(
    "confidential-advice",
    "confidential",
    yesNoAdviceSchema("confidential"),
  ),
  consent,
  "consent-advice": adviceStep("consent-advice", "consent", consentAdviceSchema),
  "other-lawful-reason": otherLawfulReason,
  "other-lawful-reason-advice": adviceStep(
    "other-lawful-reason-advice",
    "other-lawful-reason",
    yesNoAdviceSchema("other-lawful-reason"),
  ),
  "lawful-basis": lawfulBasisStep,
  safety,
  "information-to-share": informationToShare,
  "sharing-method": sharingMethod,
  informing,
  decision,
  "departure-reason": departureReason,
  "check-answers": checkAnswers,
};

export function stepDefinition<Id extends StepId>(id: Id): StepDefinition<Id> {
  return STEPS[id] as StepDefinition<Id>;
}
