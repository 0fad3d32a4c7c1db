import { isResolvedIndication, type Indication, type ResolvedIndication } from "../flowchart";

export const DECISION_OUTCOMES = ["SHARE", "SHARE_PART", "NO_SHARE"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export function isSharing(outcome: DecisionOutcome): boolean {
  return outcome !== "NO_SHARE";
}

export type DepartureCode = "NO_SHARE_IN_EMERGENCY" | "NO_SHARE_WHEN_CHILD_AT_RISK" | "SHARE_WHEN_INDICATED_NOT_TO";

export interface Departure {
  code: DepartureCode;
  explanation: string;
}

export interface DepartureCircumstances {
  /** Immediate risk, or the practitioner answered that the child is suffering or likely to suffer significant harm. */
  childAtRiskOfSignificantHarm: boolean;
}

const DEPARTURE_EXPLANATIONS: Record<DepartureCode, string> = {
  NO_SHARE_IN_EMERGENCY:
    "A child is at immediate risk of significant harm, which means acting and sharing now, but you have " +
    "decided not to share.",
  NO_SHARE_WHEN_CHILD_AT_RISK:
    "The flowchart indicates you can share, and a child is at risk of significant harm, but you have decided " +
    "not to share.",
  SHARE_WHEN_INDICATED_NOT_TO: "The flowchart indicates you should not share, but you have decided to share.",
};

/**
 * The flowchart's "you can share" is a permission, so declining it is only a departure when a
 * child is at risk of significant harm (then the public interest in protecting them always wins).
 * Its "do not share" is a stop, so sharing anyway always departs. A decision cannot be measured
 * against SEEK_ADVICE or INCOMPLETE at all: the wizard never lets one be taken then.
 */
export function departureFromIndication(
  indication: ResolvedIndication,
  outcome: DecisionOutcome,
  circumstances: DepartureCircumstances,
): Departure | null {
  assertResolved(indication);
  const code = departureCode(indication, outcome, circumstances);
  return code ? { code, explanation: DEPARTURE_EXPLANATIONS[code] } : null;
}

export function departsFromIndication(
  indication: ResolvedIndication,
  outcome: DecisionOutcome,
  circumstances: DepartureCircumstances,
): boolean {
  return departureFromIndication(indication, outcome, circumstances) !== null;
}

function departureCode(
  indication: ResolvedIndication,
  outcome: DecisionOutcome,
  { childAtRiskOfSignificantHarm }: DepartureCircumstances,
): DepartureCode | null {
  switch (indication) {
    case "EMERGENCY":
      return isSharing(outcome) ? null : "NO_SHARE_IN_EMERGENCY";
    case "SHARE":
      return !isSharing(outcome) && childAtRiskOfSignificantHarm ? "NO_SHARE_WHEN_CHILD_AT_RISK" : null;
    case "DO_NOT_SHARE":
      return isSharing(outcome) ? "SHARE_WHEN_INDICATED_NOT_TO" : null;
  }
}

function assertResolved(indication: Indication): asserts indication is ResolvedIndication {
  // Answers arrive from stored JSON, so the type alone cannot guarantee this.
  if (!isResolvedIndication(indication)) {
    throw new Error(`A decision cannot be taken while the flowchart indication is ${indication}`);
  }
}
