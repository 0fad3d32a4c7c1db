import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { recordRefusal } from "@/server/auth/refusal";
import { db } from "@/server/infra/db";
import { withUserInput } from "@/server/use-case";

const schema = z.object({ userId: z.uuid({ error: "Choose a person" }) });

/**
 * An admin's reset of a person's second factor (lost phone, no recovery codes): their app,
 * passkeys and recovery codes are removed and every session they hold ends, so their next sign-in
 * asks them to set one up again. The pipeline has checked users.manage; the person must be in the
 * admin's organisation (else "not found", and a refusal in the audit log). Admins cannot reset
 * their own: another admin must, so a stolen admin password alone cannot remove the factor.
 */
export const resetSecondFactor = withUserInput(
  schema,
  async (admin, { userId }, meta): Promise<UseCaseResult<{ name: string }>> => {
    if (userId === admin.userId) {
      return fail.invalid([{ field: "userId", message: "Another administrator must reset your second factor" }]);
    }
    const result = await db().$transaction(async (tx): Promise<UseCaseResult<{ name: string }> | "elsewhere"> => {
      const target = await tx.user.findUnique({ where: { id: userId } });
      if (!target) return fail.notFound("User not found");
      if (target.organisationId !== admin.organisationId) return "elsewhere";
      const totp = await tx.totpFactor.deleteMany({ where: { userId } });
      const passkeys = await tx.passkey.deleteMany({ where: { userId } });
      const codes = await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.webauthnChallenge.deleteMany({ where: { userId } });
      const sessions = await tx.userSession.updateMany({
        where: { userId, endedAt: null },
        data: { endedAt: new Date(), endReason: "revoked" },
      });
      await appendAuditEvent(
        tx,
        auditEntry(admin, meta, {
          action: "second-factor.reset",
          objectType: "user",
          objectId: userId,
          outcome: "SUCCESS",
          detail: {
            removed: { totp: totp.count, passkeys: passkeys.count, recoveryCodes: codes.count },
            sessionsEnded: sessions.count,
          },
        }),
      );
      return { ok: true, name: target.name };
    });
    if (result !== "elsewhere") return result;
    await recordRefusal(admin, meta, "users.manage", { type: "user", id: userId }, "other-organisation");
    return fail.notFound("User not found");
  },
);
