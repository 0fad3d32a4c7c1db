import type { DecisionRecordData } from "../decision";

export interface RequestAnswerContent {
  answer: "SHARE" | "NO_SHARE";
  body: string;
}

/**
 * What the requester receives when a decision answers their request (decision 032): the
 * information shared, with what was held back when only part was shared; or the reasons for not
 * sharing. Nothing else of the responding organisation's record leaves it.
 */
export function answerFromDecision(
  record: Pick<DecisionRecordData, "outcome" | "rationale" | "informationShared">,
): RequestAnswerContent {
  if (record.outcome === "NO_SHARE" || !record.informationShared) return { answer: "NO_SHARE", body: record.rationale };
  const { description, withheld } = record.informationShared;
  const body = record.outcome === "SHARE_PART" && withheld ? `${description}\n\nNot shared: ${withheld}` : description;
  return { answer: "SHARE", body };
}
