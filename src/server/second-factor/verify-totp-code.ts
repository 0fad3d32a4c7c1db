import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { checkTotpCode, openSecret } from "@/domain/second-factor";
import type { SignedInUser } from "@/server/auth/current-actor";
import { reserveSecondFactorAttempt, settleSuccessfulSecondFactor } from "@/server/auth/sign-in-throttle";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { completePendingSession, recordSecondFactorFailure, recordSecondFactorSuccess } from "./complete-second-factor";
import { secondFactorKeys } from "./keys";

const schema = z.object({ code: z.string().max(20).default("") });

export const WRONG_CODE = "Enter the 6-digit code shown in your authenticator app now";
export const THROTTLED_CODE = "Too many wrong codes. Wait a few minutes, then try again";

/**
 * The second step of signing in with an authenticator app: the code must be right for now (a step
 * either side allowed) and newer than the last one accepted, so no code works twice. Throttled like
 * passwords; every attempt audited. The step is stored with a compare-and-set, so two requests
 * racing with one code cannot both win.
 */
export async function verifyTotpCode(
  user: SignedInUser,
  sessionId: string | null,
  raw: unknown,
  meta: RequestMeta,
  now = Date.now(),
): Promise<UseCaseResult> {
  const { code } = schema.parse(raw ?? {});
  if (!code.trim()) return fail.invalid([{ field: "code", message: "Enter the code from your authenticator app" }]);
  if ((await reserveSecondFactorAttempt(user.userId)) === "throttled") {
    await recordSecondFactorFailure(user, meta, "totp", "throttled");
    return fail.invalid([{ field: "code", message: THROTTLED_CODE }]);
  }
  const factor = await db().totpFactor.findUnique({ where: { userId: user.userId } });
  const secret = factor?.confirmedAt ? openSecret(factor.secret, secondFactorKeys()) : null;
  if (!factor || !secret) {
    await recordSecondFactorFailure(user, meta, "totp", factor ? "secret-unreadable" : "not-enrolled");
    return fail.invalid([{ field: "code", message: WRONG_CODE }]);
  }
  const lastUsed = factor.lastUsedStep === null ? null : Number(factor.lastUsedStep);
  const check = checkTotpCode(secret, code, lastUsed, now);
  if (!check.ok) {
    await recordSecondFactorFailure(user, meta, "totp", check.reason);
    return fail.invalid([{ field: "code", message: WRONG_CODE }]);
  }
  const accepted = await db().$transaction(async (tx) => {
    const { count } = await tx.totpFactor.updateMany({
      where: { userId: user.userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: check.step } }] },
      data: { lastUsedStep: check.step },
    });
    if (count !== 1) return false;
    await completePendingSession(tx, user.userId, sessionId);
    await recordSecondFactorSuccess(tx, user, meta, "totp");
    return true;
  });
  if (!accepted) {
    await recordSecondFactorFailure(user, meta, "totp", "reused");
    return fail.invalid([{ field: "code", message: WRONG_CODE }]);
  }
  await settleSuccessfulSecondFactor(user.userId);
  return { ok: true };
}
