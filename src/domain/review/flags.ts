// Why a decision is flagged for review, in words, and how soon it must be looked at (decision 027).
// Imports the decision's own files rather than its index: the decision record uses these rules.
import type { ConsentStatus } from "../decision/consent";
import { sharedWithoutConsent } from "../decision/consent";
import type { DecisionOutcome, DepartureCode } from "../decision/departure";
import type { ReviewFlag, Urgency } from "../decision/review";

export const REVIEW_SEVERITIES = ["URGENT", "ROUTINE"] as const;
/** URGENT: reviewed within the organisation's short period; ROUTINE: within its normal review period. */
export type ReviewSeverity = (typeof REVIEW_SEVERITIES)[number];

export interface ReviewSeverityInput {
  urgency: Urgency;
  outcome: DecisionOutcome;
  consent: { status: ConsentStatus };
  childAtRiskOfSignificantHarm: boolean;
  departureCode: DepartureCode | null;
}

/** Departures towards not sharing: the flowchart says act or share and the practitioner did not. */
const DEPARTURES_TOWARDS_NOT_SHARING: readonly DepartureCode[] = [
  "NO_SHARE_IN_EMERGENCY",
  "NO_SHARE_WHEN_CHILD_AT_RISK",
];

/**
 * Urgent when delay could leave a child unprotected or an override of someone's objection unchecked
 * while a child is at risk: an emergency; sharing without consent, or not sharing, while a child is
 * at risk of significant harm; a departure from the flowchart towards not sharing. Everything else
 * flagged (a no-share or a share without consent where no child is at risk of significant harm, a
 * departure towards sharing) is routine. Working Together to Safeguard Children 2023 and the 2024
 * information sharing advice put the child's safety first: see decision 027 for the sources.
 */
export function reviewSeverity(input: ReviewSeverityInput): ReviewSeverity {
  const atRisk = input.childAtRiskOfSignificantHarm;
  const urgent =
    input.urgency === "EMERGENCY" ||
    (atRisk && sharedWithoutConsent(input.consent.status, input.outcome)) ||
    (atRisk && input.outcome === "NO_SHARE") ||
    (input.departureCode !== null && DEPARTURES_TOWARDS_NOT_SHARING.includes(input.departureCode));
  return urgent ? "URGENT" : "ROUTINE";
}

const FLAG_REASONS: Record<ReviewFlag, string> = {
  DEPARTURE: "Departs from what the flowchart indicates",
  EMERGENCY: "Emergency: a child at immediate risk of significant harm",
  SHARED_WITHOUT_CONSENT: "Shared without consent",
  NO_SHARE: "Not shared",
};

const DEPARTURE_REASONS: Record<DepartureCode, string> = {
  NO_SHARE_IN_EMERGENCY: "Departs from the flowchart: not shared in an emergency",
  NO_SHARE_WHEN_CHILD_AT_RISK: "Departs from the flowchart: not shared although a child is at risk of significant harm",
  SHARE_WHEN_INDICATED_NOT_TO: "Departs from the flowchart: shared although it indicated not to share",
};

/** Why a decision is flagged, one phrase per flag, in the flags' order; the departure named when known. */
export function flagReasons(flags: readonly ReviewFlag[], departureCode: DepartureCode | null = null): string[] {
  return flags.map((flag) =>
    flag === "DEPARTURE" && departureCode ? DEPARTURE_REASONS[departureCode] : FLAG_REASONS[flag],
  );
}

export function severityLabel(severity: ReviewSeverity): string {
  return severity === "URGENT" ? "Urgent review" : "Routine review";
}
