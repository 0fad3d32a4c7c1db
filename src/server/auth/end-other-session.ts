import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "./current-actor";
import { appendAuditEvent } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

const endOtherSessionSchema = z.object({ sessionId: z.uuid() }).strict();

export type EndOtherSessionResult = UseCaseResult<{ ended: string }>;

/**
 * A person ends one of their other sessions (a browser left signed in elsewhere): it is ended on
 * the server, so that browser's next request is refused (decision 018). Their own current session
 * ends by signing out instead. Audited in the same transaction.
 */
export async function endOtherSession(
  user: SignedInUser,
  raw: unknown,
  currentSessionId: string | null,
  meta: RequestMeta,
): Promise<EndOtherSessionResult> {
  const parsed = endOtherSessionSchema.safeParse(raw);
  if (!parsed.success) return fail.notFound("Session not found");
  const { sessionId } = parsed.data;
  if (sessionId === currentSessionId) return fail.conflict("Sign out to end this session");
  return db().$transaction(async (tx): Promise<EndOtherSessionResult> => {
    const { count } = await tx.userSession.updateMany({
      where: { id: sessionId, userId: user.userId, endedAt: null },
      data: { endedAt: new Date(), endReason: "ended-by-user" },
    });
    if (count === 0) return fail.notFound("Session not found");
    await appendAuditEvent(tx, {
      actorId: user.userId,
      actorRole: user.role,
      organisationId: user.organisationId,
      action: "auth.session-end",
      objectType: "user",
      objectId: user.userId,
      caseReference: null,
      requestId: meta.requestId,
      ip: meta.ip,
      outcome: "SUCCESS",
      detail: { sessionId },
    });
    return { ok: true, ended: sessionId };
  });
}
