import { keysOf, without } from "../closed-lists";
import { SOURCES, type GoldenRuleId } from "../guidance";

/** The flowchart's questions (FLOWCHART_QUESTION_IDS lists them in the order they are asked). */
export type FlowchartQuestionId = keyof FlowchartAnswerValues;
/** Questions where "not sure" is allowed and leads to seeking advice. */
export type AdvisableQuestionId = (typeof ADVISABLE_QUESTION_IDS)[number];

export type YesNo = "yes" | "no";
export type YesNoNotSure = YesNo | "not-sure";
export type ConsentAnswer = "given" | "refused" | "withdrawn" | "not-sought" | "not-sure";
export type ResolvedConsentAnswer = Exclude<ConsentAnswer, "not-sure">;

export interface FlowchartAnswerValues {
  "immediate-risk": YesNo;
  purpose: YesNoNotSure;
  identifiable: YesNoNotSure;
  confidential: YesNoNotSure;
  consent: ConsentAnswer;
  "other-lawful-reason": YesNoNotSure;
}

/** The answer a practitioner gives again, now informed, after seeking advice on a "not sure". */
export type InformedAnswerValues = {
  [Q in AdvisableQuestionId]: Exclude<FlowchartAnswerValues[Q], "not-sure">;
};

export type Indication = "SHARE" | "DO_NOT_SHARE" | "SEEK_ADVICE" | "EMERGENCY" | "INCOMPLETE";
/** The indications a decision can be taken against; the others mean the flowchart is unfinished. */
export type ResolvedIndication = Extract<Indication, "SHARE" | "DO_NOT_SHARE" | "EMERGENCY">;

export const RESOLVED_INDICATIONS: readonly ResolvedIndication[] = ["SHARE", "DO_NOT_SHARE", "EMERGENCY"];

export function isResolvedIndication(indication: Indication): indication is ResolvedIndication {
  return (RESOLVED_INDICATIONS as readonly Indication[]).includes(indication);
}

export type RouteReasonCode =
  | "IMMEDIATE_RISK_OF_SIGNIFICANT_HARM"
  | "NO_IMMEDIATE_RISK"
  | "LEGITIMATE_PURPOSE"
  | "NO_LEGITIMATE_PURPOSE"
  | "IDENTIFIABLE"
  | "NOT_IDENTIFIABLE"
  | "CONFIDENTIAL"
  | "NOT_CONFIDENTIAL"
  | "CONSENT_GIVEN"
  | "CONSENT_REFUSED"
  | "CONSENT_WITHDRAWN"
  | "CONSENT_NOT_SOUGHT"
  | "OTHER_LAWFUL_REASON"
  | "NO_OTHER_LAWFUL_REASON"
  | "CHILD_AT_RISK_PUBLIC_INTEREST_OVERRIDES"
  | "PROTECTING_FROM_SIGNIFICANT_HARM_IS_LEGITIMATE"
  | "ADULT_AT_RISK_MAY_BE_PROTECTED_WITHOUT_CONSENT"
  | "NO_OTHER_LAWFUL_REASON_WEIGH_RISK_OF_HARM"
  | "AT_RISK_CONSENT_IS_NOT_THE_BASIS";

export type FlowchartRoute =
  | { next: FlowchartQuestionId; reasonCode: RouteReasonCode }
  | { indication: ResolvedIndication; reasonCode: RouteReasonCode };

export interface FlowchartOption<Value extends string> {
  value: Value;
  label: string;
  hint?: string;
}

export interface FlowchartQuestion<Q extends FlowchartQuestionId = FlowchartQuestionId> {
  id: Q;
  question: string;
  hint: string;
  /** Completes "You are not sure …" when the practitioner needs advice on this question. */
  notSurePhrase: string;
  ruleIds: readonly GoldenRuleId[];
  source: string;
  options: ReadonlyArray<FlowchartOption<FlowchartAnswerValues[Q]>>;
  routes: Record<Exclude<FlowchartAnswerValues[Q], "not-sure">, FlowchartRoute>;
  /** The flowchart says a child at risk of significant harm always answers this question. */
  whenChildAtRiskOfSignificantHarm?: FlowchartRoute;
  /**
   * Anyone at risk of significant (for an adult, serious) harm answers this question: protecting
   * them is itself a clear and legitimate purpose.
   */
  whenAtRiskOfSignificantHarm?: FlowchartRoute;
  /**
   * An adult at risk (DPA 2018 Sch 1 para 18(3)) who lacks capacity to decide, or whose refusal
   * may be overridden (others at risk, a serious crime, coercion), answers this question.
   */
  whenAdultAtRiskMayBeProtectedWithoutConsent?: FlowchartRoute;
  /** Harm below significant but a risk or perceived risk of it: "no" is weighed, not a bare stop. */
  whenRiskOfHarmBelowSignificant?: Partial<Record<string, FlowchartRoute>>;
  /** Answers whose meaning changes when the person is at risk of significant harm. */
  whenAtRiskOfSignificantHarmAnswered?: Partial<Record<string, FlowchartRoute>>;
}

const NOT_SURE_OPTION = {
  value: "not-sure",
  label: "I'm not sure",
  hint: "You will be asked to seek advice and record it before you continue.",
} as const;
const YES_NO_NOT_SURE_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  NOT_SURE_OPTION,
] as const;

/** The flowchart goes on to another question. */
const askNext = (next: FlowchartQuestionId, reasonCode: RouteReasonCode): FlowchartRoute => ({ next, reasonCode });
/** The flowchart indicates what to do. */
const indicate = (indication: ResolvedIndication, reasonCode: RouteReasonCode): FlowchartRoute => ({
  indication,
  reasonCode,
});

type YesNoNotSureQuestionId = "purpose" | "identifiable" | "confidential" | "other-lawful-reason";
type YesNoNotSureQuestion<Q extends YesNoNotSureQuestionId> = Omit<FlowchartQuestion<Q>, "id" | "options" | "routes">;

/** A question answered yes, no or "I'm not sure" (which leads to advice), and where yes and no lead. */
function yesNoNotSure<Q extends YesNoNotSureQuestionId>(
  id: Q,
  { yes, no, ...question }: YesNoNotSureQuestion<Q> & { yes: FlowchartRoute; no: FlowchartRoute },
): FlowchartQuestion<Q> {
  return { id, ...question, options: YES_NO_NOT_SURE_OPTIONS, routes: { yes, no } as FlowchartQuestion<Q>["routes"] };
}

/**
 * The "when and how to share" flowchart from the HM Government 2018 advice, as data. The order
 * of the keys is the order of the questions.
 */
export const FLOWCHART: { readonly [Q in FlowchartQuestionId]: FlowchartQuestion<Q> } = {
  "immediate-risk": {
    id: "immediate-risk",
    question: "Is a child at immediate risk of significant harm?",
    hint: "If you think they might be, answer yes.",
    notSurePhrase: "whether a child is at immediate risk",
    ruleIds: ["protection-comes-first"],
    source: `${SOURCES.hmg2018Flowchart}; ${SOURCES.dudley("s.7")}`,
    options: [
      { value: "yes", label: "Yes" },
      { value: "no", label: "No" },
    ],
    routes: {
      yes: indicate("EMERGENCY", "IMMEDIATE_RISK_OF_SIGNIFICANT_HARM"),
      no: askNext("purpose", "NO_IMMEDIATE_RISK"),
    },
  },
  purpose: yesNoNotSure("purpose", {
    question: "Is there a clear and legitimate purpose for sharing the information?",
    hint: "For example, to help keep a child safe, to assess their needs, or to get support to a family.",
    notSurePhrase: "whether there is a clear and legitimate purpose for sharing",
    ruleIds: ["protection-comes-first", "share-only-what-is-needed"],
    source: SOURCES.hmg2018Flowchart,
    yes: askNext("identifiable", "LEGITIMATE_PURPOSE"),
    no: indicate("DO_NOT_SHARE", "NO_LEGITIMATE_PURPOSE"),
    whenAtRiskOfSignificantHarm: askNext("identifiable", "PROTECTING_FROM_SIGNIFICANT_HARM_IS_LEGITIMATE"),
  }),
  identifiable: yesNoNotSure("identifiable", {
    question: "Does the information let someone identify a living person?",
    hint: "Think about whether the details, put together, could identify the child or anyone else, even without names.",
    notSurePhrase: "whether the information identifies a person",
    ruleIds: ["share-only-what-is-needed"],
    source: SOURCES.hmg2018Flowchart,
    yes: askNext("confidential", "IDENTIFIABLE"),
    no: indicate("SHARE", "NOT_IDENTIFIABLE"),
  }),
  confidential: yesNoNotSure("confidential", {
    question: "Is the information confidential?",
    hint:
      "Information is usually confidential if it was given in confidence, or is private and not already known " +
      "to the people you would share it with.",
    notSurePhrase: "whether the information is confidential",
    ruleIds: ["protection-comes-first"],
    source: `${SOURCES.hmg2018Flowchart}; ${SOURCES.preSchool}`,
    yes: askNext("consent", "CONFIDENTIAL"),
    no: indicate("SHARE", "NOT_CONFIDENTIAL"),
  }),
  consent: {
    id: "consent",
    question: "Do you have consent to share?",
    hint:
      "Consent must be freely given and can be withdrawn at any time. Only ask for it if the person has a real " +
      "choice.",
    notSurePhrase: "whether you have consent",
    ruleIds: ["engage-the-child-and-carers", "consent-is-not-required-when-at-risk"],
    source: `${SOURCES.hmg2018Flowchart}; ${SOURCES.dfe2024Rule(3)}; ${SOURCES.croydon}`,
    options: [
      { value: "given", label: "Yes, consent has been given" },
      { value: "refused", label: "No, consent was refused" },
      { value: "withdrawn", label: "No, consent was given but has been withdrawn" },
      {
        value: "not-sought",
        label: "No, I have not asked for consent",
        hint: "Because asking would be unsafe or inappropriate, or would cause a delay that could harm the child.",
      },
      NOT_SURE_OPTION,
    ],
    routes: {
      given: indicate("SHARE", "CONSENT_GIVEN"),
      refused: askNext("other-lawful-reason", "CONSENT_REFUSED"),
      withdrawn: askNext("other-lawful-reason", "CONSENT_WITHDRAWN"),
      "not-sought": askNext("other-lawful-reason", "CONSENT_NOT_SOUGHT"),
    },
    whenAtRiskOfSignificantHarmAnswered: {
      given: indicate("SHARE", "AT_RISK_CONSENT_IS_NOT_THE_BASIS"),
    },
  },
  "other-lawful-reason": yesNoNotSure("other-lawful-reason", {
    question: "Is there another lawful reason to share without consent?",
    hint:
      "For example, a legal duty or power to share, your organisation's public functions, protecting someone's " +
      "life, or a public interest that outweighs keeping the information confidential.",
    notSurePhrase: "whether there is another lawful reason to share",
    ruleIds: ["consent-is-not-required-when-at-risk", "protection-comes-first"],
    source: `${SOURCES.hmg2018Flowchart}; ${SOURCES.dfe2024Rule(3)}`,
    yes: indicate("SHARE", "OTHER_LAWFUL_REASON"),
    no: indicate("DO_NOT_SHARE", "NO_OTHER_LAWFUL_REASON"),
    whenChildAtRiskOfSignificantHarm: indicate("SHARE", "CHILD_AT_RISK_PUBLIC_INTEREST_OVERRIDES"),
    whenAdultAtRiskMayBeProtectedWithoutConsent: indicate("SHARE", "ADULT_AT_RISK_MAY_BE_PROTECTED_WITHOUT_CONSENT"),
    whenRiskOfHarmBelowSignificant: {
      no: indicate("DO_NOT_SHARE", "NO_OTHER_LAWFUL_REASON_WEIGH_RISK_OF_HARM"),
    },
  }),
};

/** The questions in the order they are asked: the keys of FLOWCHART. */
export const FLOWCHART_QUESTION_IDS = keysOf(FLOWCHART);
export const ADVISABLE_QUESTION_IDS = without(FLOWCHART_QUESTION_IDS, "immediate-risk");

export const FLOWCHART_START: FlowchartQuestionId = "immediate-risk";

export function flowchartQuestion<Q extends FlowchartQuestionId>(id: Q): FlowchartQuestion<Q> {
  return FLOWCHART[id];
}
