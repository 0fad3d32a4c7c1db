import "server-only";
import { type ReviewStatus, reviewStatus } from "@/domain/review";
import { db } from "@/server/infra/db";

export interface ReviewEntry {
  id: string;
  kind: "ENDORSEMENT" | "CHALLENGE" | "NOTE" | "REPLY";
  authorName: string;
  comment: string | null;
  actionRequired: string | null;
  createdAt: string;
}

export interface DecisionReviews {
  entries: ReviewEntry[];
  status: ReviewStatus;
  escalations: {
    id: string;
    status: "OPEN" | "RESOLVED";
    reason: string;
    raisedBy: string;
    raisedAt: string;
    resolution: string | null;
  }[];
}

/** Reviews, replies and escalations on a decision the caller has already been allowed to see. */
export async function listDecisionReviews(decisionId: string, hasFollowUp: boolean): Promise<DecisionReviews> {
  const [reviews, escalations] = await Promise.all([
    db().review.findMany({
      where: { decisionId },
      orderBy: { createdAt: "asc" },
      include: { author: { select: { name: true } } },
    }),
    db().escalation.findMany({
      where: { decisionId },
      orderBy: { createdAt: "asc" },
      include: { raisedBy: { select: { name: true } } },
    }),
  ]);
  const entries = reviews.map((r) => ({
    id: r.id,
    kind: r.kind,
    authorName: r.author.name,
    comment: r.comment,
    actionRequired: r.actionRequired,
    createdAt: r.createdAt.toISOString(),
  }));
  return {
    entries,
    status: reviewStatus(entries, hasFollowUp),
    escalations: escalations.map((e) => ({
      id: e.id,
      status: e.status,
      reason: e.reason,
      raisedBy: e.raisedBy.name,
      raisedAt: e.createdAt.toISOString(),
      resolution: e.resolution,
    })),
  };
}
