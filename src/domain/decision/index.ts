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
// Everything the review rules define is part of the decision API.
export * from "./review";
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
export {
  shareConfirmationProblems,
  shareConfirmationSchema,
  type ShareConfirmationInput,
  type ShareConfirmationProblem,
} from "./share-confirmation";
