import "server-only";
import type { AuditEventInput } from "@/domain/audit";
import type { SignedInUser } from "@/server/auth/current-actor";
import { appendAuditEvent, auditEntry, recordAuditEvent } from "@/server/audit/append-audit-event";
import type { Tx } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

export type SecondFactorMethod = "totp" | "recovery-code" | "passkey";

/**
 * Marks the session record complete (second factor given): from its next request the session
 * reaches every page the person's role allows. Only an open session of this user, still pending.
 */
export async function completePendingSession(tx: Tx, userId: string, sessionId: string | null): Promise<boolean> {
  if (!sessionId) return false;
  const { count } = await tx.userSession.updateMany({
    where: { id: sessionId, userId, endedAt: null, secondFactorPending: true },
    data: { secondFactorPending: false },
  });
  return count === 1;
}

/**
 * A new factor is set up (in the caller's transaction): a session waiting for its second factor is
 * complete from now, and `second-factor.enrol` is audited, saying whether it was during sign-in.
 */
export async function recordEnrolment(
  tx: Tx,
  user: SignedInUser,
  sessionId: string | null,
  meta: RequestMeta,
  detail: { method: SecondFactorMethod } & Record<string, unknown>,
): Promise<void> {
  const completed = await completePendingSession(tx, user.userId, sessionId);
  await appendAuditEvent(
    tx,
    auditEntry(user, meta, {
      action: "second-factor.enrol",
      objectType: "user",
      objectId: user.userId,
      outcome: "SUCCESS",
      detail: { ...detail, duringSignIn: completed },
    }),
  );
}

/** A factor that could not be set up (a wrong code, a passkey that did not verify): audited, with why. */
export async function recordFailedEnrolment(
  user: SignedInUser,
  meta: RequestMeta,
  method: SecondFactorMethod,
  reason: string,
): Promise<void> {
  await recordAuditEvent(
    auditEntry(user, meta, {
      action: "second-factor.enrol",
      objectType: "user",
      objectId: user.userId,
      outcome: "FAILURE",
      detail: { method, reason },
    }),
  );
}

/** The audit event of a second-factor attempt (auth.second-factor), success or failure. */
export function secondFactorEvent(
  user: SignedInUser,
  meta: RequestMeta,
  method: SecondFactorMethod,
  outcome: "SUCCESS" | "FAILURE",
  detail: Record<string, unknown> = {},
): AuditEventInput {
  return auditEntry(user, meta, {
    action: "auth.second-factor",
    objectType: "user",
    objectId: user.userId,
    outcome,
    detail: { method, ...detail },
  });
}

export async function recordSecondFactorFailure(
  user: SignedInUser,
  meta: RequestMeta,
  method: SecondFactorMethod,
  reason: string,
): Promise<void> {
  await recordAuditEvent(secondFactorEvent(user, meta, method, "FAILURE", { reason }));
}

export async function recordSecondFactorSuccess(
  tx: Tx,
  user: SignedInUser,
  meta: RequestMeta,
  method: SecondFactorMethod,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await appendAuditEvent(tx, secondFactorEvent(user, meta, method, "SUCCESS", detail));
}
