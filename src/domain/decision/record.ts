import { ukDate } from "../calendar";
import { z } from "zod";
import {
  ADVISABLE_QUESTION_IDS,
  isResolvedIndication,
  type AdvisableQuestionId,
  type ReasonCode,
  type ResolvedConsentAnswer,
  type ResolvedIndication,
} from "../flowchart";
import { GUIDANCE_VERSION, type ChecklistPrincipleId } from "../guidance";
import { ORGANISATION_KINDS, selectedLawfulBasisIds, type LawfulBasisId, type OrganisationKind } from "../lawful-basis";
import {
  ADVICE_STEP_FOR_QUESTION,
  FORM_ERROR_FIELD,
  STEPS,
  applicableSteps,
  childAtRiskOfSignificantHarm,
  crossStepErrors,
  departureFor,
  effectiveAnswer,
  evaluateAnswers,
  isStepComplete,
  lawfulBasisSelectionFrom,
  parseAnswers,
  pruneAnswers,
  identifiesSomeone,
  type AdviserRole,
  type ConcernCategory,
  type ConsentFrom,
  type EmergencyAction,
  type InformationSubject,
  type ReconsiderableStepId,
  type RequesterTold,
  type FactAndOpinion,
  type HistoricalInformation,
  type IdentityToProtect,
  type NotSoughtReason,
  type SharingMethod,
  type StepId,
  type WizardAnswers,
} from "../wizard";
import { summariseConsent, type ConsentStatus } from "./consent";
import type { DecisionOutcome, DepartureCode } from "./departure";
import {
  DEFAULT_RECORD_KEEPING_SETTINGS,
  recordKeepingSettingsSchema,
  retainUntil,
  reviewDueAt,
  reviewFlags,
  type RecordKeepingSettings,
  type ReviewFlag,
  type Urgency,
} from "./review";
import { reviewSeverity, type ReviewSeverity } from "../review/flags";

export interface DecisionContext {
  /** The decision's own reference, assigned by the app before saving. */
  reference: string;
  practitionerId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  /** When the record is made; in an emergency this is after the decision itself. */
  decidedAt: Date;
  settings?: RecordKeepingSettings;
  guidanceVersion?: string;
}

export interface PersonInRole {
  name?: string;
  role?: string;
  organisation?: string;
}

export interface AdviceRecord {
  question: AdvisableQuestionId;
  adviserRole: AdviserRole;
  adviserRoleOther?: string;
  advice: string;
  /** The practitioner's answer to the question after taking the advice. */
  answerAfterAdvice: string;
}

/** Everything a saved decision holds (DOMAIN.md, "What a decision record holds"). */
export interface DecisionRecordData {
  reference: string;
  guidanceVersion: string;
  practitionerId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  decidedAt: Date;
  /** YYYY-MM-DD as the practitioner gave it. */
  decisionDate: string;
  urgency: Urgency;
  origin: "REQUEST" | "OWN_INITIATIVE";
  requester: PersonInRole | null;
  /**
   * The only identifier of the child or family: no names or dates of birth are kept. Empty for a
   * request that identifies no one (numbers, trends), which needs none.
   */
  caseReference: string;
  /** Null when the information identifies no one. */
  personAtRisk: "CHILD" | "ADULT_AT_RISK" | null;
  concernCategories: ConcernCategory[];
  childAtRiskOfSignificantHarm: boolean;
  indication: ResolvedIndication;
  indicationReasonCodes: ReasonCode[];
  indicationExplanation: string;
  outcome: DecisionOutcome;
  departsFromIndication: boolean;
  departure: { code: DepartureCode; explanation: string; reason: string } | null;
  rationale: string;
  purpose: string;
  recipient: PersonInRole | null;
  informationShared: {
    description: string;
    withheld?: string;
    factAndOpinion: FactAndOpinion;
    historicalInformation: HistoricalInformation;
    principlesConfirmed: ChecklistPrincipleId[];
  } | null;
  sharingMethod: { method: SharingMethod; methodOther?: string; securityMeasures: string } | null;
  lawfulBases: { ids: LawfulBasisId[]; specialCategory: boolean } | null;
  consent: { status: ConsentStatus; notSoughtReason?: NotSoughtReason };
  adviceSought: AdviceRecord[];
  personInformed: { informed: boolean; reasonNotInformed?: string } | null;
  safety: {
    considerations: string;
    identitiesToProtect: IdentityToProtect[];
    protectionSteps?: string;
  };
  reviewFlags: ReviewFlag[];
  /** How soon a supervisor must look (decision 027); records made before it have none. */
  reviewSeverity: ReviewSeverity;
  reviewDueAt: Date;
  retainUntil: Date;
  /** Every answer on the path taken, exactly as the wizard stored it. */
  answers: WizardAnswers;
  // Added in guidance version 2026-11-wizard-order-v3; absent from records made before it.
  /** False for a request that identifies no one (numbers, trends). */
  identifiesSomeone?: boolean;
  /** In an emergency: when action was taken (UK date and 24-hour time) and what was done. */
  emergencyAction?: {
    takenAt: { date: string; time: string };
    actions: EmergencyAction[];
    actionOther?: string;
    whatWasDone: string;
  } | null;
  informationAbout?: { subjects: InformationSubject[]; fromAnotherAgency: boolean; sourceAgency?: string } | null;
  /** Recorded for every child. */
  childWishesAndFeelings?: string | null;
  /** Whose consent was in question; for the child's own, whether they could decide (Gillick). */
  consentFrom?: { from: ConsentFrom; childCompetent?: boolean } | null;
  /** A decision not to share: whether the person who asked was told, and when to look again. */
  notSharing?: { requesterTold: RequesterTold; reasonNotTold?: string; revisitDate: string } | null;
  /** A reconsideration: the new information and the question it changed. */
  reconsideration?: { newInformation: string; changesStep: ReconsiderableStepId } | null;
}

export interface RecordProblem {
  /** The step to send the practitioner back to, or "context" for a fault in the app's own data. */
  stepId: StepId | "context";
  field: string;
  message: string;
}

export type BuildDecisionResult = { ok: true; record: DecisionRecordData } | { ok: false; problems: RecordProblem[] };

const contextSchema = z.object({
  reference: z.string().trim().min(1, { error: "The decision has no reference" }),
  practitionerId: z.string().trim().min(1, { error: "The practitioner is missing" }),
  organisationId: z.string().trim().min(1, { error: "The organisation is missing" }),
  organisationKind: z.enum(ORGANISATION_KINDS, { error: "The organisation kind is not recognised" }),
  decidedAt: z.date({ error: "The decision time is missing" }).refine((date) => !Number.isNaN(date.getTime()), {
    error: "The decision time is not a real time",
  }),
  settings: recordKeepingSettingsSchema.optional(),
  guidanceVersion: z.string().min(1).optional(),
});

/**
 * Turns a finished set of wizard answers into the data of a decision record, or explains what is
 * missing and on which step. It re-checks everything, because the answers come back from a draft
 * in the database and the record can never be changed once saved.
 */
export function buildDecisionRecord(answersInput: unknown, context: DecisionContext): BuildDecisionResult {
  const contextResult = contextSchema.safeParse(context);
  if (!contextResult.success) {
    return {
      ok: false,
      problems: contextResult.error.issues.map((issue) => ({
        stepId: "context",
        field: String(issue.path[0] ?? FORM_ERROR_FIELD),
        message: issue.message,
      })),
    };
  }

  const parsed = parseAnswers(answersInput);
  if (!parsed.ok) {
    return {
      ok: false,
      problems: parsed.problems.flatMap(({ stepId, errors }) =>
        errors.map(({ field, message }) => ({
          stepId: (stepId in STEPS ? stepId : "context") as StepId | "context",
          field,
          message,
        })),
      ),
    };
  }

  const answers = pruneAnswers(parsed.answers);
  const problems = completenessProblems(answers, context);
  if (problems.length > 0) return { ok: false, problems };

  return { ok: true, record: assemble(answers, context) };
}

// The UK calendar lives in one module (decision 013); these two stay exported here for callers of
// the decision domain.
export { ukDate, ukDayStart } from "../calendar";

function completenessProblems(answers: WizardAnswers, context: DecisionContext): RecordProblem[] {
  const problems: RecordProblem[] = [];
  // The same day for every step: formatting it is the dearest part of a cross-step check.
  const today = ukDate(context.decidedAt);
  for (const stepId of applicableSteps(answers)) {
    if (stepId === "check-answers") continue;
    if (!isStepComplete(answers, stepId)) {
      problems.push({
        stepId,
        field: FORM_ERROR_FIELD,
        message: `Answer the question: ${STEPS[stepId].title}`,
      });
      continue;
    }
    const value = answers[stepId];
    if (value === undefined) continue;
    const errors = crossStepErrors(stepId, value, {
      answers,
      organisationKind: context.organisationKind,
      today,
    });
    problems.push(...errors.map((error) => ({ stepId, ...error })));
  }
  if (problems.length === 0 && !isResolvedIndication(evaluateAnswers(answers).indication)) {
    // Unreachable while applicability and the flowchart agree; kept so a bug cannot save a decision taken mid-advice.
    problems.push({
      stepId: "decision",
      field: FORM_ERROR_FIELD,
      message: "A decision cannot be recorded until the questions are answered and any advice is recorded",
    });
  }
  return problems;
}

function assemble(answers: WizardAnswers, context: DecisionContext): DecisionRecordData {
  const { urgency, request, safety, decision } = requireAnswers(answers);
  const concern = answers.concern;
  const evaluation = evaluateAnswers(answers);
  if (!isResolvedIndication(evaluation.indication)) throw new Error("Indication is not resolved");

  const departure = departureFor(answers);
  const consentAnswer = answers.consent ? effectiveAnswer(answers, "consent") : undefined;
  const consent = {
    status: summariseConsent(consentAnswer as ResolvedConsentAnswer | undefined, decision.outcome),
    ...notSoughtReason(answers),
  };
  const recordUrgency: Urgency = urgency.immediateRisk === "yes" ? "EMERGENCY" : "ROUTINE";
  const departsFromIndication = departure !== null;
  const flags = reviewFlags({
    urgency: recordUrgency,
    outcome: decision.outcome,
    departsFromIndication,
    consent,
  });
  const atRisk = childAtRiskOfSignificantHarm(answers);
  const severity = reviewSeverity({
    urgency: recordUrgency,
    outcome: decision.outcome,
    consent,
    childAtRiskOfSignificantHarm: atRisk,
    departureCode: departure?.code ?? null,
  });
  const settings = context.settings ?? DEFAULT_RECORD_KEEPING_SETTINGS;
  const information = answers["information-to-share"];
  const method = answers["sharing-method"];
  const lawfulBasis = answers["lawful-basis"];
  const informing = answers.informing;

  return {
    reference: context.reference.trim(),
    guidanceVersion: context.guidanceVersion ?? GUIDANCE_VERSION,
    practitionerId: context.practitionerId,
    organisationId: context.organisationId,
    organisationKind: context.organisationKind,
    decidedAt: context.decidedAt,
    decisionDate: decision.decisionDate,
    urgency: recordUrgency,
    origin: request.origin === "request" ? "REQUEST" : "OWN_INITIATIVE",
    requester:
      request.origin === "request"
        ? person(request.requesterName, request.requesterRole, request.requesterOrganisation)
        : null,
    caseReference: concern?.caseReference ?? "",
    personAtRisk: concern ? (concern.personAtRisk === "child" ? "CHILD" : "ADULT_AT_RISK") : null,
    concernCategories: concern?.concernCategories ?? [],
    childAtRiskOfSignificantHarm: atRisk,
    indication: evaluation.indication,
    indicationReasonCodes: evaluation.reasonCodes,
    indicationExplanation: evaluation.explanation,
    outcome: decision.outcome,
    departsFromIndication,
    departure: departure ? { ...departure, reason: answers["departure-reason"]?.departureReason ?? "" } : null,
    rationale: decision.rationale,
    purpose: decision.purpose,
    recipient: answers.recipient
      ? person(
          answers.recipient.recipientName,
          answers.recipient.recipientRole,
          answers.recipient.recipientOrganisation,
        )
      : null,
    informationShared: information
      ? withoutUndefinedFields({
          description: information.informationDescription,
          withheld: information.informationWithheld,
          factAndOpinion: information.factAndOpinion,
          historicalInformation: information.historicalInformation,
          principlesConfirmed: information.principlesConfirmed,
        })
      : null,
    sharingMethod: method
      ? withoutUndefinedFields({
          method: method.method,
          methodOther: method.methodOther,
          securityMeasures: method.securityMeasures,
        })
      : null,
    lawfulBases: lawfulBasis
      ? {
          ids: selectedLawfulBasisIds(lawfulBasisSelectionFrom(lawfulBasis)),
          specialCategory: lawfulBasis.specialCategory === "yes",
        }
      : null,
    consent,
    adviceSought: adviceRecords(answers),
    personInformed: informing
      ? withoutUndefinedFields({
          informed: informing.informPerson === "yes",
          reasonNotInformed: informing.reasonNotInforming,
        })
      : null,
    safety: withoutUndefinedFields({
      considerations: safety.safetyConsiderations,
      identitiesToProtect: safety.identitiesToProtect,
      protectionSteps: safety.protectionSteps,
    }),
    reviewFlags: flags,
    reviewSeverity: severity,
    reviewDueAt: reviewDueAt(context.decidedAt, recordUrgency, severity, settings),
    retainUntil: retainUntil(context.decidedAt, settings),
    answers,
    ...newerFields(answers),
  };
}

/** The fields guidance version 2026-11-wizard-order-v3 added (decision 023). */
function newerFields(
  answers: WizardAnswers,
): Pick<
  DecisionRecordData,
  | "identifiesSomeone"
  | "emergencyAction"
  | "informationAbout"
  | "childWishesAndFeelings"
  | "consentFrom"
  | "notSharing"
  | "reconsideration"
> {
  const emergency = answers["emergency-action"];
  const about = answers["about-the-information"];
  const consentFrom = answers["consent-from"];
  const notSharing = answers["not-sharing"];
  const reconsideration = answers.reconsideration;
  return {
    identifiesSomeone: identifiesSomeone(answers),
    emergencyAction: emergency
      ? withoutUndefinedFields({
          takenAt: { date: emergency.actionDate, time: emergency.actionTime },
          actions: emergency.actionsTaken,
          actionOther: emergency.actionOther,
          whatWasDone: emergency.whatWasDone,
        })
      : null,
    informationAbout: about
      ? withoutUndefinedFields({
          subjects: about.informationAbout,
          fromAnotherAgency: about.fromAnotherAgency === "yes",
          sourceAgency: about.sourceAgency,
        })
      : null,
    childWishesAndFeelings: answers["child-views"]?.wishesAndFeelings ?? null,
    consentFrom: consentFrom
      ? withoutUndefinedFields({
          from: consentFrom.consentFrom,
          childCompetent: consentFrom.childCompetent === undefined ? undefined : consentFrom.childCompetent === "yes",
        })
      : null,
    notSharing: notSharing
      ? withoutUndefinedFields({
          requesterTold: notSharing.requesterTold,
          reasonNotTold: notSharing.reasonNotTold,
          revisitDate: notSharing.revisitDate,
        })
      : null,
    reconsideration: reconsideration
      ? { newInformation: reconsideration.newInformation, changesStep: reconsideration.changesStep }
      : null,
  };
}

function requireAnswers(answers: WizardAnswers) {
  const { urgency, request, safety, decision } = answers;
  if (!urgency || !request || !safety || !decision) {
    throw new Error("Completeness was checked before assembling the record");
  }
  return { urgency, request, safety, decision };
}

function notSoughtReason(answers: WizardAnswers): { notSoughtReason?: NotSoughtReason } {
  const reason =
    answers.consent?.consent === "not-sure"
      ? answers["consent-advice"]?.informedNotSoughtReason
      : answers.consent?.notSoughtReason;
  return reason ? { notSoughtReason: reason } : {};
}

function adviceRecords(answers: WizardAnswers): AdviceRecord[] {
  return ADVISABLE_QUESTION_IDS.flatMap((question) => {
    const advice = answers[ADVICE_STEP_FOR_QUESTION[question]];
    if (!advice) return [];
    return [
      withoutUndefinedFields({
        question,
        adviserRole: advice.adviceFrom,
        adviserRoleOther: advice.adviceFromOther,
        advice: advice.adviceGiven,
        answerAfterAdvice: advice.informedAnswer,
      }),
    ];
  });
}

function person(name?: string, role?: string, organisation?: string): PersonInRole {
  return withoutUndefinedFields({ name, role, organisation });
}

function withoutUndefinedFields<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
