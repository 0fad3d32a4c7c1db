import "server-only";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import type { NotificationKind } from "./notify";
import { type ReviewRequestReason, isReviewRequestReason } from "@/domain/review/review-request-text";

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  /** The latest decision's, when several are grouped. */
  decisionReference: string | null;
  /** Null on notifications made before they named their case. */
  caseReference: string | null;
  /** Why, for a grouped review request (decision 027); null on any other. */
  reason: ReviewRequestReason | null;
  /** How many decisions the notification stands for (grouped review requests). */
  decisionCount: number;
  /** When it was last brought up to date. */
  createdAt: string;
  read: boolean;
}

export async function listNotifications(user: SignedInUser): Promise<NotificationRow[]> {
  const rows = await db().notification.findMany({
    where: { userId: user.userId },
    orderBy: [{ updatedAt: "desc" }, { createdAt: "desc" }],
    take: 100,
  });
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind as NotificationKind,
    decisionReference: n.decisionReference,
    caseReference: n.caseReference,
    reason: isReviewRequestReason(n.reason) ? n.reason : null,
    decisionCount: n.decisionCount,
    createdAt: n.updatedAt.toISOString(),
    read: n.readAt !== null,
  }));
}

export async function markAllNotificationsRead(user: SignedInUser): Promise<number> {
  const { count } = await db().notification.updateMany({
    where: { userId: user.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}
