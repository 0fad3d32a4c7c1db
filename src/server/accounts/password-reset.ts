import "server-only";
import { createHash } from "node:crypto";
import { PASSWORD_RESET_MINUTES, hoursFrom, newOneTimeToken } from "@/domain/accounts/one-time-token";
import { type UseCaseResult, fail } from "@/domain/errors";
import { requestPasswordResetSchema, resetPasswordSchema } from "@/schemas/accounts";
import { actorOf, appendAuditEvent, auditEntry, recordAuditEvent } from "@/server/audit/append-audit-event";
import { emailTag } from "@/server/auth/sign-in-user";
import { type ThrottleRule, reserve } from "@/server/auth/sign-in-throttle";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { queueEmail } from "@/server/mail/email-outbox";
import { PASSWORD_RESET_PATH, fromRequest, tokenHashOf, withPasswordFromLink } from "./account-links";
import { withInput } from "@/server/use-case";

// Self-service password reset by email (decision 019).

/** Per address asked about: 3 emails, then 2 minutes doubling to 15 between requests. */
const RESET_ACCOUNT_RULE: ThrottleRule = { free: 3, firstDelaySeconds: 120, maxDelaySeconds: 15 * 60 };
/** Per source address: 20 requests, then 1 minute doubling to 15. */
const RESET_ADDRESS_RULE: ThrottleRule = { free: 20, firstDelaySeconds: 60, maxDelaySeconds: 15 * 60 };

export type RequestPasswordResetResult = UseCaseResult<{ email: string }>;

/**
 * Always the same answer, whether or not the account exists, is disabled or is throttled: "if
 * there is an account, we have sent a link". Only an active account with a password gets one (a
 * one-time link for an hour, hashed at rest), through the outbox; every request is audited.
 */
export const requestPasswordReset = withInput(
  requestPasswordResetSchema,
  async ({ email }, meta: RequestMeta): Promise<RequestPasswordResetResult> => {
    const digest = createHash("sha256").update(email).digest("hex");
    const allowed =
      (!meta.ip || (await reserve(`reset-ip:${meta.ip}`, RESET_ADDRESS_RULE))) &&
      (await reserve(`reset:${digest}`, RESET_ACCOUNT_RULE));
    const user = await db().user.findUnique({ where: { email } });
    const audit = { ...fromRequest(meta), action: "password-reset.request", objectType: "user" } as const;
    if (!allowed || !user || user.disabledAt) {
      const reason = !allowed ? "throttled" : !user ? "unknown-email" : "account-disabled";
      await recordAuditEvent({
        ...audit,
        actorId: null,
        actorRole: null,
        organisationId: user?.organisationId ?? null,
        objectId: user?.id ?? null,
        outcome: "FAILURE",
        detail: { reason, emailTag: emailTag(email) },
      });
      return { ok: true, email };
    }
    await db().$transaction(async (tx) => {
      const { token, tokenHash } = newOneTimeToken();
      await tx.passwordReset.create({
        data: { userId: user.id, tokenHash, expiresAt: hoursFrom(new Date(), PASSWORD_RESET_MINUTES / 60) },
      });
      await queueEmail(tx, { template: "PASSWORD_RESET", to: user.email, linkPath: `${PASSWORD_RESET_PATH}${token}` });
      await appendAuditEvent(tx, {
        ...audit,
        actorId: null,
        actorRole: null,
        organisationId: user.organisationId,
        objectId: user.id,
        outcome: "SUCCESS",
        detail: { emailTag: emailTag(email) },
      });
    });
    return { ok: true, email };
  },
);

const UNUSABLE = "This link has expired or has already been used. Ask for a new one";

/** The reset a link's token opens, while it can still be used; null otherwise. */
async function usableReset(token: string) {
  const tokenHash = tokenHashOf(token);
  if (!tokenHash) return null;
  const reset = await db().passwordReset.findUnique({ where: { tokenHash } });
  return reset && !reset.usedAt && reset.expiresAt > new Date() ? reset : null;
}

/** The account a usable reset link is for, with the link's token hash. */
async function resetAccount(token: string) {
  const reset = await usableReset(token);
  if (!reset) return null;
  const user = await db().user.findUniqueOrThrow({ where: { id: reset.userId } });
  return { ...user, resetTokenHash: reset.tokenHash };
}

/** Whether a reset link can still be used (the page shows the form or says it cannot). */
export async function passwordResetIsUsable(token: string): Promise<boolean> {
  return (await usableReset(token)) !== null;
}

/**
 * Sets the new password from a reset (or the command line's set-password) link: uses the link up
 * (and any other open one of the person's), ends all their sessions, and tells them by email.
 */
export const resetPassword = withPasswordFromLink(
  resetPasswordSchema,
  UNUSABLE,
  resetAccount,
  async (tx, user, passwordHash, meta) => {
    // Used exactly once, however many tabs submit it.
    const used = await tx.passwordReset.updateMany({
      where: { tokenHash: user.resetTokenHash, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return fail.conflict(UNUSABLE);
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    const ended = await tx.userSession.updateMany({
      where: { userId: user.id, endedAt: null },
      data: { endedAt: new Date(), endReason: "password-reset" },
    });
    await queueEmail(tx, { template: "PASSWORD_CHANGED", to: user.email, linkPath: "/password-reset" });
    await appendAuditEvent(
      tx,
      auditEntry(actorOf(user), meta, {
        action: "password-reset.complete",
        objectType: "user",
        objectId: user.id,
        outcome: "SUCCESS",
        detail: { sessionsEnded: ended.count },
      }),
    );
    return { ok: true, email: user.email };
  },
);
