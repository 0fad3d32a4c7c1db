import type { ReviewStatus } from "@/domain/review";

export const REVIEW_KIND_LABELS = {
  ENDORSEMENT: "Endorsed",
  CHALLENGE: "Challenged",
  NOTE: "Note",
  REPLY: "Reply",
} as const;

export const REVIEW_STATUS_LABELS: Record<
  ReviewStatus,
  { text: string; colour: "blue" | "green" | "red" | "yellow" | "grey" }
> = {
  AWAITING_REVIEW: { text: "Awaiting review", colour: "blue" },
  ENDORSED: { text: "Endorsed", colour: "green" },
  CHALLENGED_NEEDS_ACTION: { text: "Challenged: needs your action", colour: "red" },
  CHALLENGED_REPLIED: { text: "Challenged: you replied", colour: "yellow" },
  RECONSIDERED: { text: "Reconsidered", colour: "grey" },
};
