import "server-only";
import type { SignedInUser } from "./current-actor";
import { db } from "@/server/infra/db";
import { env } from "@/server/infra/env";

export interface OpenSession {
  id: string;
  signedInAt: Date;
  lastActiveAt: Date;
  ip: string | null;
  /** The session this request is made with. */
  current: boolean;
}

/** The user's own sessions that are still open and not idle, this one first, then the most recently active. */
export async function listMySessions(user: SignedInUser, currentSessionId: string | null): Promise<OpenSession[]> {
  const idleSince = new Date(Date.now() - env().SESSION_IDLE_MINUTES * 60_000);
  const rows = await db().userSession.findMany({
    where: { userId: user.userId, endedAt: null, lastSeenAt: { gt: idleSince } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true },
  });
  return rows
    .map((row) => ({
      id: row.id,
      signedInAt: row.createdAt,
      lastActiveAt: row.lastSeenAt,
      ip: row.ip,
      current: row.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
