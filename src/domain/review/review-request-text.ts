// What a supervisor's grouped review request says (issue 13): the case, why, and how many decisions.
// notify_users groups a case's unread review requests by this reason (decision 027).

export const REVIEW_REQUEST_REASONS = ["URGENT", "FLAGGED", "UNFLAGGED"] as const;
export type ReviewRequestReason = (typeof REVIEW_REQUEST_REASONS)[number];

export function isReviewRequestReason(value: string | null): value is ReviewRequestReason {
  return (REVIEW_REQUEST_REASONS as readonly string[]).includes(value ?? "");
}

const WAITING_FOR: Record<ReviewRequestReason, string> = {
  URGENT: "an urgent review (flagged as serious)",
  FLAGGED: "review (flagged, routine)",
  UNFLAGGED: "review",
};

/** "2 decisions about case ABC-123 are waiting for an urgent review (flagged as serious): the latest is IS-…" */
export function reviewRequestText(request: {
  caseReference: string;
  reason: ReviewRequestReason;
  count: number;
  latestReference: string;
}): string {
  const decisions = request.count === 1 ? "A decision" : `${request.count} decisions`;
  const verb = request.count === 1 ? "is" : "are";
  const latest = request.count === 1 ? "" : " the latest";
  return (
    `${decisions} about case ${request.caseReference} ${verb} waiting for ${WAITING_FOR[request.reason]}:` +
    `${latest} ${request.latestReference}`
  );
}
