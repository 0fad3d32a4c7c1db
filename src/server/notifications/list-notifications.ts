import "server-only";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import type { NotificationKind } from "./notify";

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  decisionReference: string | null;
  createdAt: string;
  read: boolean;
}

export async function listNotifications(user: SignedInUser): Promise<NotificationRow[]> {
  const rows = await db().notification.findMany({
    where: { userId: user.userId },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind as NotificationKind,
    decisionReference: n.decisionReference,
    createdAt: n.createdAt.toISOString(),
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
