import { without } from "../closed-lists";
import type { ConsentAnswer, ResolvedConsentAnswer, YesNo, YesNoNotSure } from "../flowchart";
import type { ChecklistPrincipleId } from "../guidance";
import type {
  OtherLawfulReasonKind as LawfulBasisReasonKind,
  Article6Id,
  Article9Id,
  CommonLawId,
  Schedule1Id,
  Schedule8Id,
  StatutoryGatewayId,
} from "../lawful-basis";
import type { DecisionOutcome } from "../decision/departure";

/** Every wizard page, in the order a practitioner meets them. */
export const STEP_IDS = [
  // Only on a reconsideration: what is new, and which earlier answer it changes (set when it starts).
  "reconsideration",
  "urgency",
  // In an emergency, what was done and when comes first; the rest of the record follows.
  "emergency-action",
  "request",
  // Asked before the case reference: a request that identifies no one needs neither it nor the harm question.
  "identifiable",
  "identifiable-advice",
  "concern",
  "about-the-information",
  "child-views",
  "significant-harm",
  "significant-harm-advice",
  "adult-at-risk",
  "purpose",
  "purpose-advice",
  "confidential",
  "confidential-advice",
  "consent-from",
  "consent",
  "consent-advice",
  "other-lawful-reason",
  "other-lawful-reason-advice",
  // The decision comes as soon as the flowchart has indicated; what follows depends on it.
  "decision",
  "departure-reason",
  "not-sharing",
  "lawful-basis",
  // Shares only: who receives it (on the decision's page until issue 13's one thing per page).
  "recipient",
  "information-to-share",
  "sharing-method",
  "informing",
  "safety",
  "check-answers",
] as const;

export type StepId = (typeof STEP_IDS)[number];

/** Steps that store an answer; "check-answers" only shows them. */
export const ANSWER_STEP_IDS = without(STEP_IDS, "check-answers");
export type AnswerStepId = (typeof ANSWER_STEP_IDS)[number];

export function isStepId(value: string): value is StepId {
  return (STEP_IDS as readonly string[]).includes(value);
}

/** The questions a reconsideration can start again from: the ones new information can change. */
export const RECONSIDERABLE_STEP_IDS = [
  "urgency",
  "identifiable",
  "concern",
  "about-the-information",
  "significant-harm",
  "purpose",
  "confidential",
  "consent-from",
  "consent",
  "other-lawful-reason",
] as const satisfies readonly StepId[];
export type ReconsiderableStepId = (typeof RECONSIDERABLE_STEP_IDS)[number];

export const REQUEST_ORIGINS = ["request", "own-initiative"] as const;
export const CONCERN_CATEGORIES = [
  "child-health-or-development",
  "parent-may-need-help",
  "person-may-pose-risk",
] as const;
export const PERSON_AT_RISK = ["child", "adult-at-risk"] as const;
/** Why a capacitous adult's refusal may be set aside (Care Act 2014 statutory guidance, s.14). */
export const ADULT_REFUSAL_OVERRIDE_REASONS = [
  "others-at-risk",
  "serious-crime",
  "coercion-or-undue-influence",
] as const;
/** What was done at once when someone was at immediate risk (Working Together to Safeguard Children 2023). */
export const EMERGENCY_ACTIONS = [
  "called-999",
  "police",
  "childrens-social-care",
  "adult-social-care",
  "other",
] as const;
/** Whom the information is about: more than the child, often (issue 11). */
export const INFORMATION_SUBJECTS = [
  "child",
  "sibling",
  "parent-or-carer",
  "person-may-pose-risk",
  "unborn-child",
  "adult-at-risk",
] as const;
/** Whose consent is in question: a competent child's own, a parent's, or the adult's the information is about. */
export const CONSENT_FROM = ["child", "parent", "adult"] as const;
export const REQUESTER_TOLD = ["yes", "no", "no-requester"] as const;
export const MENTAL_CAPACITY = ["has-capacity", "lacks-capacity"] as const;
export const NOT_SOUGHT_REASONS = ["unsafe", "inappropriate", "harmful-delay"] as const;
export { OTHER_LAWFUL_REASON_KINDS } from "../lawful-basis";
export const ADVISER_ROLES = [
  "manager-or-supervisor",
  "designated-safeguarding-lead",
  "information-governance-lead",
  "caldicott-guardian",
  "legal-team",
  "other",
] as const;
export const IDENTITIES_TO_PROTECT = [
  "child",
  "parent-or-carer",
  "other-family-member",
  "neighbour-or-member-of-public",
  "colleague-or-professional",
  "anonymous-referrer",
  "none",
] as const;
export const FACT_AND_OPINION = ["facts-only", "facts-and-opinion-marked"] as const;
export const HISTORICAL_INFORMATION = ["none", "included-and-marked"] as const;
export const SHARING_METHODS = [
  "secure-email",
  "encrypted-attachment",
  "secure-system",
  "phone",
  "meeting",
  "post",
  "other",
] as const;

export type RequestOrigin = (typeof REQUEST_ORIGINS)[number];
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];
export type PersonAtRisk = (typeof PERSON_AT_RISK)[number];
export type AdultRefusalOverrideReason = (typeof ADULT_REFUSAL_OVERRIDE_REASONS)[number];
export type EmergencyAction = (typeof EMERGENCY_ACTIONS)[number];
export type InformationSubject = (typeof INFORMATION_SUBJECTS)[number];
export type ConsentFrom = (typeof CONSENT_FROM)[number];
export type RequesterTold = (typeof REQUESTER_TOLD)[number];
export type MentalCapacity = (typeof MENTAL_CAPACITY)[number];
export type NotSoughtReason = (typeof NOT_SOUGHT_REASONS)[number];
export type OtherLawfulReasonKind = LawfulBasisReasonKind;
export type AdviserRole = (typeof ADVISER_ROLES)[number];
export type IdentityToProtect = (typeof IDENTITIES_TO_PROTECT)[number];
export type FactAndOpinion = (typeof FACT_AND_OPINION)[number];
export type HistoricalInformation = (typeof HISTORICAL_INFORMATION)[number];
export type SharingMethod = (typeof SHARING_METHODS)[number];

// Each answer's keys are the names of its form fields, so a stored answer can refill its page.

export interface UrgencyAnswer {
  immediateRisk: YesNo;
}

export interface ReconsiderationAnswer {
  newInformation: string;
  /** The question the new information changes; the wizard walks on again from there. */
  changesStep: ReconsiderableStepId;
}

export interface EmergencyActionAnswer {
  /** YYYY-MM-DD and HH:MM, UK time, when action was taken. */
  actionDate: string;
  actionTime: string;
  actionsTaken: EmergencyAction[];
  /** Present only when "other" is among the actions. */
  actionOther?: string;
  whatWasDone: string;
}

export interface RequestAnswer {
  origin: RequestOrigin;
  /** Present only for requests. */
  requesterName?: string;
  requesterRole?: string;
  requesterOrganisation?: string;
}

export interface ConcernAnswer {
  concernCategories: ConcernCategory[];
  personAtRisk: PersonAtRisk;
  /** The organisation's own reference: the only way a record identifies the child. */
  caseReference: string;
}

export interface AboutTheInformationAnswer {
  informationAbout: InformationSubject[];
  fromAnotherAgency: YesNo;
  /** Present only when it came from another agency. */
  sourceAgency?: string;
}

/** Always recorded for a child (Children Act 1989 s.53; Working Together 2023: a child-centred approach). */
export interface ChildViewsAnswer {
  wishesAndFeelings: string;
}

export interface ConsentFromAnswer {
  consentFrom: ConsentFrom;
  /** Present only when it is the child's own consent: can they decide for themselves (Gillick)? */
  childCompetent?: YesNo;
}

export interface NotSharingAnswer {
  requesterTold: RequesterTold;
  /** Present only when the requester was not told. */
  reasonNotTold?: string;
  /** YYYY-MM-DD: when to look at the decision again. */
  revisitDate: string;
}

export interface SignificantHarmAnswer {
  significantHarm: YesNoNotSure;
  /** Only with "no": whether there is still a risk, or a perceived risk, of harm (DfE 2024, rule 3). */
  riskOfHarm?: YesNo;
}

/** The DPA 2018 Sch 1 para 18(3) test, mental capacity, and why a refusal may be overridden. */
export interface AdultAtRiskAnswer {
  careAndSupportNeeds: YesNo;
  unableToProtectThemselves: YesNo;
  capacity: MentalCapacity;
  refusalOverrideReasons: AdultRefusalOverrideReason[];
}

export interface PurposeAnswer {
  legitimatePurpose: YesNoNotSure;
}

export interface IdentifiableAnswer {
  identifiable: YesNoNotSure;
}

export interface ConfidentialAnswer {
  confidential: YesNoNotSure;
}

export interface ConsentStepAnswer {
  consent: ConsentAnswer;
  /** Present only when consent was not sought. */
  notSoughtReason?: NotSoughtReason;
}

export interface OtherLawfulReasonAnswer {
  otherLawfulReason: YesNoNotSure;
  /** Present only when the answer is yes. */
  reasonKinds?: OtherLawfulReasonKind[];
}

export interface AdviceAnswer<Informed extends string = YesNo> {
  adviceFrom: AdviserRole;
  /** Present only when adviceFrom is "other". */
  adviceFromOther?: string;
  adviceGiven: string;
  /** The question answered again after taking advice. */
  informedAnswer: Informed;
}

export interface ConsentAdviceAnswer extends AdviceAnswer<ResolvedConsentAnswer> {
  informedNotSoughtReason?: NotSoughtReason;
}

export interface LawfulBasisAnswer {
  article6: Article6Id;
  specialCategory: YesNo;
  /** Allegations, offences or convictions, such as about someone who may pose a risk (UK GDPR Art 10). */
  criminalOffenceData?: YesNo;
  article9: Article9Id[];
  schedule1: Schedule1Id[];
  schedule8: Schedule8Id[];
  commonLaw: CommonLawId[];
  statutoryGateways: StatutoryGatewayId[];
}

export interface SafetyAnswer {
  safetyConsiderations: string;
  identitiesToProtect: IdentityToProtect[];
  /** Present only when someone's identity needs protecting. */
  protectionSteps?: string;
}

export interface InformationToShareAnswer {
  informationDescription: string;
  informationWithheld?: string;
  factAndOpinion: FactAndOpinion;
  historicalInformation: HistoricalInformation;
  principlesConfirmed: ChecklistPrincipleId[];
}

export interface SharingMethodAnswer {
  method: SharingMethod;
  methodOther?: string;
  securityMeasures: string;
}

export interface InformingAnswer {
  informPerson: YesNo;
  reasonNotInforming?: string;
}

export interface DecisionAnswer {
  outcome: DecisionOutcome;
  rationale: string;
  purpose: string;
  /** YYYY-MM-DD: when the decision was made, which in an emergency is before it is recorded. */
  decisionDate: string;
}

/** Asked only when sharing, in full or in part. */
export interface RecipientAnswer {
  recipientName: string;
  recipientRole: string;
  recipientOrganisation: string;
}

export interface DepartureReasonAnswer {
  departureReason: string;
}

export interface StepValues {
  reconsideration: ReconsiderationAnswer;
  urgency: UrgencyAnswer;
  "emergency-action": EmergencyActionAnswer;
  request: RequestAnswer;
  concern: ConcernAnswer;
  "about-the-information": AboutTheInformationAnswer;
  "child-views": ChildViewsAnswer;
  "significant-harm": SignificantHarmAnswer;
  "significant-harm-advice": AdviceAnswer;
  "adult-at-risk": AdultAtRiskAnswer;
  purpose: PurposeAnswer;
  "purpose-advice": AdviceAnswer;
  identifiable: IdentifiableAnswer;
  "identifiable-advice": AdviceAnswer;
  confidential: ConfidentialAnswer;
  "confidential-advice": AdviceAnswer;
  "consent-from": ConsentFromAnswer;
  consent: ConsentStepAnswer;
  "consent-advice": ConsentAdviceAnswer;
  "other-lawful-reason": OtherLawfulReasonAnswer;
  "other-lawful-reason-advice": AdviceAnswer;
  "lawful-basis": LawfulBasisAnswer;
  recipient: RecipientAnswer;
  safety: SafetyAnswer;
  "information-to-share": InformationToShareAnswer;
  "sharing-method": SharingMethodAnswer;
  informing: InformingAnswer;
  decision: DecisionAnswer;
  "departure-reason": DepartureReasonAnswer;
  "not-sharing": NotSharingAnswer;
  "check-answers": Record<string, never>;
}

/** Answers so far, keyed by step id; stored as JSON in a draft and copied into the record. */
export type WizardAnswers = { [K in AnswerStepId]?: StepValues[K] };
