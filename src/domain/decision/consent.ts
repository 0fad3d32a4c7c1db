import type { ResolvedConsentAnswer } from "../flowchart";
import { isSharing, type DecisionOutcome } from "./departure";

export const CONSENT_STATUSES = [
  "GIVEN",
  "REFUSED_OVERRIDDEN",
  "REFUSED_RESPECTED",
  "NOT_SOUGHT",
  "WITHDRAWN",
  "NOT_NEEDED",
] as const;

export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/**
 * Summarises consent for the record and the review queue. A refusal is split by what happened
 * next, because overriding an objection is what a supervisor needs to see (golden rule 3).
 * `consent` is undefined when the question never arose: the information was not personal or
 * not confidential, so consent was not needed.
 */
export function summariseConsent(consent: ResolvedConsentAnswer | undefined, outcome: DecisionOutcome): ConsentStatus {
  switch (consent) {
    case undefined:
      return "NOT_NEEDED";
    case "given":
      return "GIVEN";
    case "refused":
      return isSharing(outcome) ? "REFUSED_OVERRIDDEN" : "REFUSED_RESPECTED";
    case "withdrawn":
      return "WITHDRAWN";
    case "not-sought":
      return "NOT_SOUGHT";
  }
}

/** Sharing went ahead although the person did not, or could not, agree to it. */
export function sharedWithoutConsent(status: ConsentStatus, outcome: DecisionOutcome): boolean {
  return isSharing(outcome) && (status === "REFUSED_OVERRIDDEN" || status === "WITHDRAWN" || status === "NOT_SOUGHT");
}
