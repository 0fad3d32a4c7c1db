import {
  evaluateFlowchart,
  isResolvedIndication,
  type AdvisableQuestionId,
  type FlowchartAnswers,
  type FlowchartEvaluation,
  type InformedAnswerValues,
} from "../flowchart";
import { departureFromIndication, type Departure } from "../decision/departure";
import { ANSWER_STEP_IDS, STEP_IDS, type AnswerStepId, type StepId, type WizardAnswers } from "./answers";
import { ADVICE_STEP_FOR_QUESTION, STEPS } from "./steps";

type QuestionAnswerValues = {
  [Q in AdvisableQuestionId]: NonNullable<FlowchartAnswers["given"][Q]>;
};

function givenAnswer<Q extends AdvisableQuestionId>(
  answers: WizardAnswers,
  questionId: Q,
): QuestionAnswerValues[Q] | undefined {
  const given: { [K in AdvisableQuestionId]: QuestionAnswerValues[K] | undefined } = {
    purpose: answers.purpose?.legitimatePurpose,
    identifiable: answers.identifiable?.identifiable,
    confidential: answers.confidential?.confidential,
    consent: answers.consent?.consent,
    "other-lawful-reason": answers["other-lawful-reason"]?.otherLawfulReason,
  };
  return given[questionId];
}

function informedAnswer<Q extends AdvisableQuestionId>(
  answers: WizardAnswers,
  questionId: Q,
): InformedAnswerValues[Q] | undefined {
  const advice = answers[ADVICE_STEP_FOR_QUESTION[questionId]];
  return advice?.informedAnswer as InformedAnswerValues[Q] | undefined;
}

/**
 * The answer that counts: the informed answer when the first one was "not sure", otherwise the
 * first answer. Undefined while unanswered or while advice is still awaited.
 */
export function effectiveAnswer<Q extends AdvisableQuestionId>(
  answers: WizardAnswers,
  questionId: Q,
): InformedAnswerValues[Q] | undefined {
  const given = givenAnswer(answers, questionId);
  if (given === "not-sure") return informedAnswer(answers, questionId);
  return given as InformedAnswerValues[Q] | undefined;
}

export function isEmergency(answers: WizardAnswers): boolean {
  return answers.urgency?.immediateRisk === "yes";
}

/** The significant-harm answer that counts: the one given after advice when the first was "not sure". */
export function effectiveSignificantHarm(answers: WizardAnswers): "yes" | "no" | undefined {
  const given = answers["significant-harm"]?.significantHarm;
  if (given === "not-sure") return answers["significant-harm-advice"]?.informedAnswer;
  return given;
}

/**
 * Whether the information identifies anyone. A request that identifies no one (numbers, trends)
 * needs no case reference and no harm question. Unknown counts as identifying, and an emergency
 * always concerns someone.
 */
export function identifiesSomeone(answers: WizardAnswers): boolean {
  return isEmergency(answers) || effectiveAnswer(answers, "identifiable") !== "no";
}

export function isAboutAnAdultAtRisk(answers: WizardAnswers): boolean {
  return answers.concern?.personAtRisk === "adult-at-risk";
}

/** Immediate risk implies significant harm; otherwise only a definite "yes" counts, for a child or an adult. */
export function atRiskOfSignificantHarm(answers: WizardAnswers): boolean {
  return isEmergency(answers) || effectiveSignificantHarm(answers) === "yes";
}

/** As atRiskOfSignificantHarm, for a child only: the child-specific override never applies to an adult. */
export function childAtRiskOfSignificantHarm(answers: WizardAnswers): boolean {
  return atRiskOfSignificantHarm(answers) && !isAboutAnAdultAtRisk(answers);
}

/**
 * DPA 2018 Sch 1 para 18(3): an adult with needs for care and support who, because of them, cannot
 * protect themselves. Sharing without consent is then open if they lack capacity to decide, or
 * their refusal may be overridden (others at risk, a serious crime, coercion).
 */
export function adultAtRiskMayBeProtectedWithoutConsent(answers: WizardAnswers): boolean {
  const adult = answers["adult-at-risk"];
  if (!isAboutAnAdultAtRisk(answers) || !adult || !atRiskOfSignificantHarm(answers)) return false;
  const individualAtRisk = adult.careAndSupportNeeds === "yes" && adult.unableToProtectThemselves === "yes";
  return individualAtRisk && (adult.capacity === "lacks-capacity" || adult.refusalOverrideReasons.length > 0);
}

/** Harm below significant with a risk, or perceived risk, of it; unanswered counts as a risk. */
export function riskOfHarmBelowSignificant(answers: WizardAnswers): boolean {
  return effectiveSignificantHarm(answers) === "no" && answers["significant-harm"]?.riskOfHarm !== "no";
}

export function flowchartAnswersFrom(answers: WizardAnswers): FlowchartAnswers {
  const given: FlowchartAnswers["given"] = {};
  const afterAdvice: NonNullable<FlowchartAnswers["afterAdvice"]> = {};
  if (answers.urgency) given["immediate-risk"] = answers.urgency.immediateRisk;
  for (const questionId of Object.keys(ADVICE_STEP_FOR_QUESTION) as AdvisableQuestionId[]) {
    const value = givenAnswer(answers, questionId);
    if (value !== undefined) Object.assign(given, { [questionId]: value });
    const informed = informedAnswer(answers, questionId);
    if (informed !== undefined) Object.assign(afterAdvice, { [questionId]: informed });
  }
  const harm = answers["significant-harm"];
  const harmAdvice = answers["significant-harm-advice"];
  return {
    given,
    afterAdvice,
    childAtRiskOfSignificantHarm: childAtRiskOfSignificantHarm(answers),
    atRiskOfSignificantHarm: atRiskOfSignificantHarm(answers),
    adultAtRiskMayBeProtectedWithoutConsent: adultAtRiskMayBeProtectedWithoutConsent(answers),
    riskOfHarmBelowSignificant: riskOfHarmBelowSignificant(answers),
    ...(harm && !isEmergency(answers)
      ? {
          significantHarm: {
            given: harm.significantHarm,
            ...(harmAdvice ? { afterAdvice: harmAdvice.informedAnswer } : {}),
          },
        }
      : {}),
  };
}

export function evaluateAnswers(answers: WizardAnswers): FlowchartEvaluation {
  return evaluateFlowchart(flowchartAnswersFrom(answers));
}

/** The departure the chosen outcome makes from the flowchart, once both exist. */
export function departureFor(answers: WizardAnswers): Departure | null {
  const outcome = answers.decision?.outcome;
  if (!outcome) return null;
  const { indication } = evaluateAnswers(answers);
  if (!isResolvedIndication(indication)) return null;
  return departureFromIndication(indication, outcome, {
    childAtRiskOfSignificantHarm: childAtRiskOfSignificantHarm(answers),
  });
}

/**
 * Whether sharing is still on the table: once the practitioner has decided, their outcome
 * settles it; before that, anything but a "do not share" indication keeps it open.
 */
export function sharingMayHappen(answers: WizardAnswers): boolean {
  const outcome = answers.decision?.outcome;
  if (outcome) return outcome !== "NO_SHARE";
  return evaluateAnswers(answers).indication !== "DO_NOT_SHARE";
}

const ADVICE_STEP_QUESTION = Object.fromEntries(
  Object.entries(ADVICE_STEP_FOR_QUESTION).map(([questionId, stepId]) => [stepId, questionId]),
) as Record<StepId, AdvisableQuestionId | undefined>;

/**
 * Decides which steps apply. A step applies unless an answer already given rules it out, so the
 * path ahead is shown in full and narrows as answers come in.
 */
function applicability(answers: WizardAnswers): (stepId: StepId) => boolean {
  const emergency = isEmergency(answers);
  const cache = new Map<StepId, boolean>();
  let sharing: boolean | undefined;
  const mayShare = () => (sharing ??= sharingMayHappen(answers));

  const applies = (stepId: StepId): boolean => {
    const cached = cache.get(stepId);
    if (cached !== undefined) return cached;
    const result = rule(stepId);
    cache.set(stepId, result);
    return result;
  };

  const notRuledOut = (stepId: AdvisableQuestionId, ruledOutBy: string) =>
    applies(stepId) && effectiveAnswer(answers, stepId) !== ruledOutBy;

  // Unknown is treated as personal data, so a lawful basis is asked for rather than assumed away.
  const personalData = () => !(applies("identifiable") && effectiveAnswer(answers, "identifiable") === "no");

  const rule = (stepId: StepId): boolean => {
    const adviceFor = ADVICE_STEP_QUESTION[stepId];
    if (adviceFor) return applies(adviceFor) && givenAnswer(answers, adviceFor) === "not-sure";
    switch (stepId) {
      case "reconsideration":
        // Only a reconsideration has it: it is answered when the reconsideration starts.
        return answers.reconsideration !== undefined;
      case "emergency-action":
        return emergency;
      case "concern":
      case "about-the-information":
        return identifiesSomeone(answers);
      case "child-views":
        // Always for a child; an adult at risk's wishes are part of their own questions.
        return identifiesSomeone(answers) && !isAboutAnAdultAtRisk(answers);
      case "significant-harm":
        return !emergency && identifiesSomeone(answers);
      case "significant-harm-advice":
        return applies("significant-harm") && answers["significant-harm"]?.significantHarm === "not-sure";
      case "adult-at-risk":
        return isAboutAnAdultAtRisk(answers);
      case "purpose":
        // Significant harm answers it: protecting someone from it is itself a legitimate purpose.
        return !atRiskOfSignificantHarm(answers);
      case "confidential":
        // Identifiable is asked before purpose (so a request that identifies no one skips the case
        // reference), but the flowchart still stops at "no legitimate purpose".
        return (atRiskOfSignificantHarm(answers) || notRuledOut("purpose", "no")) && notRuledOut("identifiable", "no");
      case "consent-from":
        return applies("consent");
      case "consent":
        return notRuledOut("confidential", "no");
      case "other-lawful-reason":
        return (
          !emergency &&
          notRuledOut("consent", "given") &&
          !childAtRiskOfSignificantHarm(answers) &&
          !adultAtRiskMayBeProtectedWithoutConsent(answers)
        );
      case "lawful-basis":
      case "informing":
        return mayShare() && personalData();
      case "recipient":
      case "information-to-share":
      case "sharing-method":
        return mayShare();
      case "departure-reason":
        return departureFor(answers) !== null;
      case "not-sharing":
        return answers.decision?.outcome === "NO_SHARE";
      default:
        return true;
    }
  };
  return applies;
}

export function isStepApplicable(answers: WizardAnswers, stepId: StepId): boolean {
  return applicability(answers)(stepId);
}

/** The steps this set of answers leads through, in order, always ending with "check-answers". */
export function applicableSteps(answers: WizardAnswers): StepId[] {
  const applies = applicability(answers);
  return STEP_IDS.filter((stepId) => applies(stepId));
}

/** Answered with a value its schema still accepts; "check-answers" is never "answered". */
export function isStepComplete(answers: WizardAnswers, stepId: StepId): boolean {
  if (stepId === "check-answers") return false;
  const value = answers[stepId];
  return value !== undefined && STEPS[stepId].schema.safeParse(value).success;
}

export function firstIncompleteStepId(answers: WizardAnswers): StepId {
  return (
    applicableSteps(answers).find((stepId) => stepId !== "check-answers" && !isStepComplete(answers, stepId)) ??
    "check-answers"
  );
}

const position = (stepId: StepId) => STEP_IDS.indexOf(stepId);

/** A step may be shown or posted only if it applies and every applicable step before it is done. */
export function canVisitStep(answers: WizardAnswers, stepId: StepId): boolean {
  const steps = applicableSteps(answers);
  if (!steps.includes(stepId)) return false;
  return steps
    .filter((candidate) => position(candidate) < position(stepId))
    .every((candidate) => isStepComplete(answers, candidate));
}

/**
 * Where to go after saving the current step. Usually the next applicable step, but if the answer
 * just given has made an earlier step relevant (deciding to share against a "do not share"
 * indication brings in the lawful basis), that step comes first.
 */
export function nextStepId(answers: WizardAnswers, currentId: StepId): StepId | undefined {
  const steps = applicableSteps(answers);
  const skippedEarlier = steps.find(
    (stepId) => position(stepId) < position(currentId) && !isStepComplete(answers, stepId),
  );
  if (skippedEarlier) return skippedEarlier;
  if (currentId === "check-answers") return undefined;
  return steps.find((stepId) => position(stepId) > position(currentId));
}

export function previousStepId(answers: WizardAnswers, currentId: StepId): StepId | undefined {
  return applicableSteps(answers)
    .filter((stepId) => position(stepId) < position(currentId))
    .at(-1);
}

/** "Question {position} of {total}", counting only the question pages on this path. */
export function progress(answers: WizardAnswers, currentId: StepId): { position: number; total: number } {
  const questions = applicableSteps(answers).filter((stepId) => stepId !== "check-answers");
  return {
    position: questions.filter((stepId) => position(stepId) <= position(currentId)).length,
    total: questions.length,
  };
}

/**
 * Removes answers to steps the path no longer passes through (and anything that is not a step),
 * so a changed answer does not leave stale data in the draft or the record. Repeats until stable
 * because dropping one answer can make another step irrelevant.
 */
export function pruneAnswers(answers: WizardAnswers): WizardAnswers {
  let current = pickAnswerSteps(answers, () => true);
  for (;;) {
    const applies = applicability(current);
    const pruned = pickAnswerSteps(current, applies);
    if (Object.keys(pruned).length === Object.keys(current).length) return pruned;
    current = pruned;
  }
}

function pickAnswerSteps(answers: WizardAnswers, keep: (stepId: AnswerStepId) => boolean): WizardAnswers {
  const picked: WizardAnswers = {};
  for (const stepId of ANSWER_STEP_IDS) {
    const value = answers[stepId];
    if (value !== undefined && keep(stepId)) Object.assign(picked, { [stepId]: value });
  }
  return picked;
}

/** Stores one step's parsed answer and drops whatever it has made irrelevant. */
export function withAnswer<Id extends AnswerStepId>(
  answers: WizardAnswers,
  stepId: Id,
  value: NonNullable<WizardAnswers[Id]>,
): WizardAnswers {
  return pruneAnswers({ ...answers, [stepId]: value });
}
