import {
  FLOWCHART,
  FLOWCHART_QUESTION_IDS,
  FLOWCHART_START,
  type AdvisableQuestionId,
  type FlowchartAnswerValues,
  type FlowchartQuestionId,
  type FlowchartRoute,
  type Indication,
  type InformedAnswerValues,
  type RouteReasonCode,
  type YesNo,
  type YesNoNotSure,
} from "./questions";

export const ADVICE_REASON_CODES = {
  purpose: { needed: "ADVICE_NEEDED_ON_PURPOSE", taken: "ADVICE_TAKEN_ON_PURPOSE" },
  identifiable: { needed: "ADVICE_NEEDED_ON_IDENTIFIABLE", taken: "ADVICE_TAKEN_ON_IDENTIFIABLE" },
  confidential: { needed: "ADVICE_NEEDED_ON_CONFIDENTIAL", taken: "ADVICE_TAKEN_ON_CONFIDENTIAL" },
  consent: { needed: "ADVICE_NEEDED_ON_CONSENT", taken: "ADVICE_TAKEN_ON_CONSENT" },
  "other-lawful-reason": {
    needed: "ADVICE_NEEDED_ON_OTHER_LAWFUL_REASON",
    taken: "ADVICE_TAKEN_ON_OTHER_LAWFUL_REASON",
  },
} as const satisfies Record<AdvisableQuestionId, { needed: string; taken: string }>;

/** Significant harm is asked before the flowchart; "not sure" needs advice like any flowchart question. */
export const SIGNIFICANT_HARM_ADVICE_CODES = {
  needed: "ADVICE_NEEDED_ON_SIGNIFICANT_HARM",
  taken: "ADVICE_TAKEN_ON_SIGNIFICANT_HARM",
} as const;

type AdviceCodes = (typeof ADVICE_REASON_CODES)[AdvisableQuestionId] | typeof SIGNIFICANT_HARM_ADVICE_CODES;
export type AdviceReasonCode = AdviceCodes["needed"] | AdviceCodes["taken"];
export type ReasonCode = RouteReasonCode | AdviceReasonCode;

export interface FlowchartAnswers {
  given: Partial<FlowchartAnswerValues>;
  afterAdvice?: Partial<InformedAnswerValues>;
  /** Known from earlier in the wizard; decides the public-interest question on its own. */
  childAtRiskOfSignificantHarm?: boolean;
  /**
   * The person (child or adult) is suffering or likely to suffer significant harm, which makes
   * protecting them a legitimate purpose. Defaults to childAtRiskOfSignificantHarm.
   */
  atRiskOfSignificantHarm?: boolean;
  /** The answer to "is the child suffering, or likely to suffer, significant harm?" and any advice on it. */
  significantHarm?: { given: YesNoNotSure; afterAdvice?: YesNo };
  /**
   * An adult at risk (DPA 2018 Sch 1 para 18(3)) who lacks capacity to decide, or whose refusal
   * may be overridden because others are at risk, a serious crime is involved, or they are coerced.
   */
  adultAtRiskMayBeProtectedWithoutConsent?: boolean;
  /** Harm is below significant but there is a risk or perceived risk of it (DfE 2024, golden rule 3). */
  riskOfHarmBelowSignificant?: boolean;
}

export interface FlowchartEvaluation {
  indication: Indication;
  /** Every step taken through the flowchart, in order, so the record shows how it got there. */
  reasonCodes: ReasonCode[];
  explanation: string;
  /** The question to answer (INCOMPLETE) or to seek advice on (SEEK_ADVICE). */
  nextQuestion?: FlowchartQuestionId;
}

const ADVISERS =
  "your manager or supervisor, your designated safeguarding lead, your information governance lead or data " +
  "protection officer, or your Caldicott Guardian";

/** Plain-English explanation for each way the flowchart can end. */
export const OUTCOME_EXPLANATIONS: Partial<Record<RouteReasonCode, string>> = {
  IMMEDIATE_RISK_OF_SIGNIFICANT_HARM:
    "A child is at immediate risk of significant harm. Follow your safeguarding procedures now: contact " +
    "children's social care or the police, and call 999 if a child is in immediate danger. Do not wait for " +
    "consent. Record what you shared, and why, straight afterwards.",
  NO_LEGITIMATE_PURPOSE:
    "There is no clear and legitimate purpose for sharing, so do not share. Record your decision and your reasons.",
  NOT_IDENTIFIABLE:
    "The information does not identify anyone, so it is not personal data and you can share it. Share only " +
    "what is needed.",
  NOT_CONFIDENTIAL:
    "The information is not confidential, so you can share it. Because it identifies someone, you still need " +
    "a lawful basis under data protection law, and should share only what is needed.",
  CONSENT_GIVEN:
    "You have consent, so you can share. Share only what is needed, share it securely, and record what you shared.",
  OTHER_LAWFUL_REASON:
    "You do not have consent, but there is another lawful reason to share, so you can share without consent. " +
    "Record the lawful basis and your reasons.",
  CHILD_AT_RISK_PUBLIC_INTEREST_OVERRIDES:
    "A child is at risk of significant harm, so the public interest in protecting them will usually outweigh " +
    "confidentiality. You can share without consent. Consent is not the right lawful basis here: record another " +
    "basis and your reasons.",
  ADULT_AT_RISK_MAY_BE_PROTECTED_WITHOUT_CONSENT:
    "The adult has care and support needs, cannot protect themselves, and either lacks the capacity to decide about " +
    "sharing or their refusal can be overridden because others are at risk, a serious crime is involved, or they " +
    "are being coerced. You can share without their consent to protect them (Care Act 2014 ss.42 and 45; Data " +
    "Protection Act 2018 Sch 1 para 18). Record the lawful basis, the capacity assessment and your reasons.",
  AT_RISK_CONSENT_IS_NOT_THE_BASIS:
    "You can share. The person is at risk of significant harm, so you would share even if they said no: their " +
    "agreement is worth having, but consent is not the right lawful basis (DfE 2024, golden rule 3). Record " +
    "another basis, such as public task or legal obligation, and your reasons.",
  NO_OTHER_LAWFUL_REASON_WEIGH_RISK_OF_HARM:
    "You do not have consent and you found no other lawful reason to share. But there is a risk, or a perceived " +
    "risk, of harm. The 2024 advice (golden rule 3) says you do not need consent to share where there is a risk or " +
    "perceived risk of harm, as long as you have a lawful basis. Before you decide not to share, weigh the risk of " +
    "not sharing against the refusal, and ask your designated safeguarding lead. If you still decide not to share, " +
    "record why.",
  NO_OTHER_LAWFUL_REASON:
    "You do not have consent and there is no other lawful reason to share, so do not share. Record your " +
    "decision and reasons, and think again if you are given new information.",
};

/**
 * Walks the 2018 flowchart over the answers given so far. A child at immediate risk ends it at
 * once (act first, record afterwards); "not sure" stops it at SEEK_ADVICE until the practitioner
 * has answered again after taking advice.
 */
export function evaluateFlowchart(answers: FlowchartAnswers): FlowchartEvaluation {
  const reasonCodes: ReasonCode[] = [];
  let questionId: FlowchartQuestionId = FLOWCHART_START;

  // Each question is visited at most once, so the walk cannot loop even with malformed data.
  for (let visited = 0; visited < FLOWCHART_QUESTION_IDS.length; visited++) {
    if (questionId === "purpose") {
      const waiting = significantHarmAdvice(answers, reasonCodes);
      if (waiting) return waiting;
    }
    const route = routeFor(questionId, answers, reasonCodes);
    if (route === "INCOMPLETE") return incomplete(questionId, reasonCodes);
    if (route === "SEEK_ADVICE") return seekAdvice(questionId, reasonCodes);
    reasonCodes.push(route.reasonCode);
    if ("indication" in route) {
      return {
        indication: route.indication,
        reasonCodes,
        explanation: OUTCOME_EXPLANATIONS[route.reasonCode] ?? "",
      };
    }
    questionId = route.next;
  }
  throw new Error("The flowchart data contains a loop");
}

function routeFor(
  questionId: FlowchartQuestionId,
  answers: FlowchartAnswers,
  reasonCodes: ReasonCode[],
): FlowchartRoute | "INCOMPLETE" | "SEEK_ADVICE" {
  const question = FLOWCHART[questionId];
  if (question.whenChildAtRiskOfSignificantHarm && answers.childAtRiskOfSignificantHarm === true) {
    return question.whenChildAtRiskOfSignificantHarm;
  }
  if (
    question.whenAdultAtRiskMayBeProtectedWithoutConsent &&
    answers.adultAtRiskMayBeProtectedWithoutConsent === true
  ) {
    return question.whenAdultAtRiskMayBeProtectedWithoutConsent;
  }
  const atRisk = answers.atRiskOfSignificantHarm ?? answers.childAtRiskOfSignificantHarm;
  if (question.whenAtRiskOfSignificantHarm && atRisk === true) return question.whenAtRiskOfSignificantHarm;
  const routes: Partial<Record<string, FlowchartRoute>> = {
    ...question.routes,
    ...(answers.riskOfHarmBelowSignificant === true ? question.whenRiskOfHarmBelowSignificant : {}),
    ...(atRisk === true ? question.whenAtRiskOfSignificantHarmAnswered : {}),
  };
  const given: string | undefined = answers.given[questionId];
  if (given === undefined) return "INCOMPLETE";
  if (given !== "not-sure" || questionId === "immediate-risk") return routes[given] ?? "INCOMPLETE";

  const adviceCodes = ADVICE_REASON_CODES[questionId];
  reasonCodes.push(adviceCodes.needed);
  const informed: string | undefined = answers.afterAdvice?.[questionId];
  if (informed === undefined) return "SEEK_ADVICE";
  reasonCodes.push(adviceCodes.taken);
  return routes[informed] ?? "SEEK_ADVICE";
}

/** "Not sure" whether the harm is significant stops the walk until advice is recorded. */
function significantHarmAdvice(answers: FlowchartAnswers, reasonCodes: ReasonCode[]): FlowchartEvaluation | null {
  if (answers.significantHarm?.given !== "not-sure") return null;
  reasonCodes.push(SIGNIFICANT_HARM_ADVICE_CODES.needed);
  if (answers.significantHarm.afterAdvice !== undefined) {
    reasonCodes.push(SIGNIFICANT_HARM_ADVICE_CODES.taken);
    return null;
  }
  return {
    indication: "SEEK_ADVICE",
    reasonCodes,
    explanation:
      `You are not sure whether the harm is significant. Seek advice before you go on, from your ` +
      `designated safeguarding lead or ${ADVISERS}. Avoid naming the person if you can. Record who you asked and ` +
      `what they advised, then answer the question again.`,
  };
}

function incomplete(questionId: FlowchartQuestionId, reasonCodes: ReasonCode[]): FlowchartEvaluation {
  return {
    indication: "INCOMPLETE",
    reasonCodes,
    explanation: `Answer the next question: ${FLOWCHART[questionId].question}`,
    nextQuestion: questionId,
  };
}

function seekAdvice(questionId: FlowchartQuestionId, reasonCodes: ReasonCode[]): FlowchartEvaluation {
  return {
    indication: "SEEK_ADVICE",
    reasonCodes,
    explanation:
      `You are not sure ${FLOWCHART[questionId].notSurePhrase}. Seek advice before you go on, from ` +
      `${ADVISERS}. Avoid naming the child or family if you can. Record who you asked and what they advised, ` +
      "then answer the question again.",
    nextQuestion: questionId,
  };
}
