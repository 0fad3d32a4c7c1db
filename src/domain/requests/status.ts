// Where a request stands, and which step may come next. The request's events (assigned,
// acknowledged, answered, receipt confirmed, viewed) are the record; the status is their summary,
// kept on the request so the inbox can be ordered and filtered by an index.
import { column, keysOf } from "../closed-lists";

interface StatusFacts {
  label: string;
  /** The contact team still owes a response: the inbox and the clocks watch these. */
  open: boolean;
}

/** The statuses in the order a request passes through them (REQUEST_STATUSES comes from the keys). */
const STATUS_FACTS = {
  RECEIVED: { label: "Received", open: true },
  ACKNOWLEDGED: { label: "Acknowledged", open: true },
  ANSWERED: { label: "Answered", open: false },
  RECEIPT_CONFIRMED: { label: "Receipt confirmed", open: false },
} satisfies Record<string, StatusFacts>;
export const REQUEST_STATUSES = keysOf(STATUS_FACTS);
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = column(STATUS_FACTS, "label");
/** Statuses the contact team still owes a response in. */
export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter((status) => STATUS_FACTS[status].open);

export const REQUEST_EVENT_KINDS = [
  "SENT",
  "ASSIGNED",
  "ACKNOWLEDGED",
  "ANSWERED",
  "RECEIPT_CONFIRMED",
  "VIEWED",
  "REMINDED",
  "ESCALATED",
  // Decision 030: the lead safeguarding partners.
  "DISPUTED",
  "ESCALATED_TO_LEAD_PARTNERS",
  "ESCALATION_DECIDED",
] as const;
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number];

export type RequestStep = "assign" | "acknowledge" | "answer" | "confirm-receipt";

const ALLOWED_FROM: Record<RequestStep, readonly RequestStatus[]> = {
  assign: ["RECEIVED", "ACKNOWLEDGED"],
  acknowledge: ["RECEIVED"],
  // Answering at once acknowledges too: a fast answer is not held up by a formality.
  answer: ["RECEIVED", "ACKNOWLEDGED"],
  "confirm-receipt": ["ANSWERED"],
};

const NEXT_STATUS: Partial<Record<RequestStep, RequestStatus>> = {
  acknowledge: "ACKNOWLEDGED",
  answer: "ANSWERED",
  "confirm-receipt": "RECEIPT_CONFIRMED",
};

/** The status after a step, or null when the step is not allowed from this status. */
export function statusAfter(step: RequestStep, status: RequestStatus): RequestStatus | null {
  if (!ALLOWED_FROM[step].includes(status)) return null;
  return NEXT_STATUS[step] ?? status;
}

export const STEP_REFUSALS: Record<RequestStep, string> = {
  assign: "This request has been answered: it can no longer be assigned",
  acknowledge: "This request has already been acknowledged",
  answer: "This request has already been answered",
  "confirm-receipt": "There is no answer to confirm yet, or receipt is already confirmed",
};

/** Whether a still-open request is past its due time. */
export function isOverdue(status: RequestStatus, dueAt: Date, now: Date): boolean {
  return OPEN_STATUSES.includes(status) && now.getTime() > dueAt.getTime();
}
