import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { hashRecoveryCode } from "@/domain/second-factor";
import type { SignedInUser } from "@/server/auth/current-actor";
import { reserveSecondFactorAttempt, settleSuccessfulSecondFactor } from "@/server/auth/sign-in-throttle";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { completePendingSession, recordSecondFactorFailure, recordSecondFactorSuccess } from "./complete-second-factor";
import { THROTTLED_CODE } from "./verify-totp-code";

const schema = z.object({ code: z.string().max(40).default("") });

/**
 * Signs in with a recovery code instead of the usual factor. Each code works once: it is marked
 * used in one conditional update, so two requests with one code cannot both succeed. Audited with
 * how many codes are left.
 */
export async function useRecoveryCode(
  user: SignedInUser,
  sessionId: string | null,
  raw: unknown,
  meta: RequestMeta,
): Promise<UseCaseResult<{ remaining: number }>> {
  const { code } = schema.parse(raw ?? {});
  if (!code.trim()) return fail.invalid([{ field: "code", message: "Enter one of your recovery codes" }]);
  if ((await reserveSecondFactorAttempt(user.userId)) === "throttled") {
    await recordSecondFactorFailure(user, meta, "recovery-code", "throttled");
    return fail.invalid([{ field: "code", message: THROTTLED_CODE }]);
  }
  const remaining = await db().$transaction(async (tx) => {
    const { count } = await tx.recoveryCode.updateMany({
      where: { userId: user.userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count !== 1) return null;
    const left = await tx.recoveryCode.count({ where: { userId: user.userId, usedAt: null } });
    await completePendingSession(tx, user.userId, sessionId);
    await recordSecondFactorSuccess(tx, user, meta, "recovery-code", { recoveryCodesLeft: left });
    return left;
  });
  if (remaining === null) {
    await recordSecondFactorFailure(user, meta, "recovery-code", "wrong-or-used");
    return fail.invalid([{ field: "code", message: "Enter a recovery code you have not used before" }]);
  }
  await settleSuccessfulSecondFactor(user.userId);
  return { ok: true, remaining };
}
