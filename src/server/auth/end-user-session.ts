import "server-only";
import { db } from "@/server/infra/db";

export type SessionEndReason = "sign-out" | "timeout" | "revoked" | "ended-by-user";

/**
 * Ends one session record of `userId` on the server (decision 018): every instance refuses its
 * token at the next request, wherever a copy of the cookie is. Returns whether an open one ended.
 */
export async function endUserSession(userId: string, sessionId: string, reason: SessionEndReason): Promise<boolean> {
  const { count } = await db().userSession.updateMany({
    where: { id: sessionId, userId, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
  return count === 1;
}
