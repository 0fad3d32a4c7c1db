import { z } from "zod";
import { FLOWCHART, type AdvisableQuestionId } from "../../flowchart";
import {
  ADVISER_ROLES,
  NOT_SOUGHT_REASONS,
  type AdviceAnswer,
  type ConsentAdviceAnswer,
  type StepId,
  type StepValues,
} from "../answers";
import {
  NO_NAMES_HINT,
  TEXTAREA_MAX_LENGTH,
  textareaField,
  choice,
  optionalText,
  optionsFrom,
  requiredText,
  type FieldDefinition,
  radiosField,
  textField,
} from "../fields";
import { NOT_SOUGHT_REASON_OPTIONS, NOT_SOUGHT_REASON_MISSING } from "./consent";
import {
  RESOLVED_CONSENT_ANSWERS,
  YES_NO,
  dropWhen,
  flowchartOptions,
  requireWhen,
  tooLong,
  type StepCaption,
  type StepDefinition,
} from "./shared";

/** Questions a "not sure" sends to advice: the flowchart's, and significant harm before it. */
type AdviceQuestionId = AdvisableQuestionId | "significant-harm";

const SIGNIFICANT_HARM_QUESTION = {
  question: "Is the person suffering, or likely to suffer, significant harm?",
  notSurePhrase: "whether the harm is significant",
  options: [
    { value: "yes", label: "Yes" },
    { value: "no", label: "No" },
  ],
} as const;

function questionFor(questionId: AdviceQuestionId) {
  return questionId === "significant-harm" ? SIGNIFICANT_HARM_QUESTION : FLOWCHART[questionId];
}

const ADVICE_TOPICS: Record<AdviceQuestionId, string> = {
  "significant-harm": "whether the harm is significant",
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

function adviceFields(questionId: AdviceQuestionId): FieldDefinition[] {
  const question = questionFor(questionId);
  const informedOptions = flowchartOptions(question.options).filter((option) => option.value !== "not-sure");
  return [
    radiosField(
      "adviceFrom",
      "Who did you ask for advice?",
      ADVISER_OPTIONS,
      "Record their role, not their name. Avoid naming the child or family when you ask, where you can.",
    ),
    textField("adviceFromOther", "Their role"),
    textareaField("adviceGiven", "What did they advise?", NO_NAMES_HINT),
    {
      name: "informedAnswer",
      kind: "radios",
      label:
        "Now that you have taken advice: " +
        `${question.question.charAt(0).toLowerCase()}${question.question.slice(1)}`,
      options:
        questionId === "consent"
          ? informedOptions.map((option) =>
              option.value === "not-sought" ? { ...option, revealsFields: ["informedNotSoughtReason"] } : option,
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
  requireWhen(value.adviceFrom === "other", value, ctx, {
    adviceFromOther: ADVICE_MESSAGES.adviceFromOther,
  });
}

function yesNoAdviceSchema(questionId: AdviceQuestionId): z.ZodType<AdviceAnswer> {
  return z
    .strictObject({
      ...adviceShape,
      informedAnswer: choice(
        YES_NO,
        `Select your answer now that you have taken advice on ${ADVICE_TOPICS[questionId]}`,
      ),
    })
    .superRefine(requireOtherAdviser)
    .transform((value) => dropWhen(value.adviceFrom !== "other", value, ["adviceFromOther"]));
}

const consentAdviceSchema: z.ZodType<ConsentAdviceAnswer> = z
  .strictObject({
    ...adviceShape,
    informedAnswer: choice(RESOLVED_CONSENT_ANSWERS, "Select your answer now that you have taken advice on consent"),
    informedNotSoughtReason: choice(NOT_SOUGHT_REASONS, NOT_SOUGHT_REASON_MISSING).optional(),
  })
  .superRefine((value, ctx) => {
    requireOtherAdviser(value, ctx);
    requireWhen(value.informedAnswer === "not-sought", value, ctx, {
      informedNotSoughtReason: NOT_SOUGHT_REASON_MISSING,
    });
  })
  .transform((value) => dropWhen(value.adviceFrom !== "other", value, ["adviceFromOther"]))
  .transform((value) => dropWhen(value.informedAnswer !== "not-sought", value, ["informedNotSoughtReason"]));

export const ADVICE_STEP_FOR_QUESTION = {
  purpose: "purpose-advice",
  identifiable: "identifiable-advice",
  confidential: "confidential-advice",
  consent: "consent-advice",
  "other-lawful-reason": "other-lawful-reason-advice",
} as const satisfies Record<AdvisableQuestionId, StepId>;

export type AdviceStepId = (typeof ADVICE_STEP_FOR_QUESTION)[AdvisableQuestionId];

/**
 * Advice is part of the section of the question it is about: a separate "Seeking advice" section
 * met after one question and again after a later one would make the section count go down.
 */
const ADVICE_SECTION: Record<AdviceQuestionId, StepCaption> = {
  "significant-harm": "About the concern",
  identifiable: "About the concern",
  purpose: "Can you share?",
  confidential: "Can you share?",
  consent: "Can you share?",
  "other-lawful-reason": "Can you share?",
};

function adviceStep<Id extends AdviceStepId | "significant-harm-advice">(
  id: Id,
  questionId: AdviceQuestionId,
  schema: z.ZodType<StepValues[Id]>,
): StepDefinition<Id> {
  return {
    id,
    title: `Record the advice you were given about ${ADVICE_TOPICS[questionId]}`,
    caption: ADVICE_SECTION[questionId],
    hint:
      `You were not sure ${questionFor(questionId).notSurePhrase}. Ask for advice before you go on, then answer ` +
      `the question again.`,
    ruleIds: ["seek-advice-promptly"],
    fields: adviceFields(questionId),
    schema,
  };
}

export const significantHarmAdvice = adviceStep(
  "significant-harm-advice",
  "significant-harm",
  yesNoAdviceSchema("significant-harm"),
);
export const purposeAdvice = adviceStep("purpose-advice", "purpose", yesNoAdviceSchema("purpose"));
export const identifiableAdvice = adviceStep("identifiable-advice", "identifiable", yesNoAdviceSchema("identifiable"));
export const confidentialAdvice = adviceStep("confidential-advice", "confidential", yesNoAdviceSchema("confidential"));
export const consentAdvice = adviceStep("consent-advice", "consent", consentAdviceSchema);
export const otherLawfulReasonAdvice = adviceStep(
  "other-lawful-reason-advice",
  "other-lawful-reason",
  yesNoAdviceSchema("other-lawful-reason"),
);
