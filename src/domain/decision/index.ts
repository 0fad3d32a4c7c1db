export {
  DECISION_OUTCOMES,
  departsFromIndication,
  departureFromIndication,
  isSharing,
  type DecisionOutcome,
  type Departure,
  type DepartureCircumstances,
  type DepartureCode,
} from "./departure";
export { CONSENT_STATUSES, sharedWithoutConsent, summariseConsent, type ConsentStatus } from "./consent";
export {
  DEFAULT_RECORD_KEEPING_SETTINGS,
  REVIEW_FLAGS,
  URGENCIES,
  recordKeepingSettingsSchema,
  retainUntil,
  reviewDueAt,
  reviewFlags,
  type RecordKeepingSettings,
  type ReviewFlag,
  type ReviewFlagInput,
  type Urgency,
} from "./review";
export {
  buildDecisionRecord,
  ukDate,
  ukDayStart,
  type AdviceRecord,
  type BuildDecisionResult,
  type DecisionContext,
  type DecisionRecordData,
  type PersonInRole,
  type RecordProblem,
} from "./record";
