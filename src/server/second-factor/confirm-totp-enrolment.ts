import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { checkTotpCode, openSecret } from "@/domain/second-factor";
import type { SignedInUser } from "@/server/auth/current-actor";
import { reserveSecondFactorAttempt, settleSuccessfulSecondFactor } from "@/server/auth/sign-in-throttle";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { recordEnrolment, recordFailedEnrolment } from "./complete-second-factor";
import { secondFactorKeys } from "./keys";
import { mayAddSecondFactor } from "./second-factor-state";
import { replaceRecoveryCodes } from "./replace-recovery-codes";
import { THROTTLED_CODE } from "./verify-totp-code";

const schema = z.object({ code: z.string().max(20).default("") });

const WRONG = "Enter the 6-digit code your authenticator app shows for InfoShare now";

/**
 * Confirms the authenticator app with a first code, then makes the person's recovery codes (shown
 * once, by the caller) and, when this is the set-up step of signing in, completes the session.
 */
export async function confirmTotpEnrolment(
  user: SignedInUser,
  sessionId: string | null,
  raw: unknown,
  meta: RequestMeta,
  now = Date.now(),
): Promise<UseCaseResult<{ recoveryCodes: string[] }>> {
  const { code } = schema.parse(raw ?? {});
  if (!code.trim()) return fail.invalid([{ field: "code", message: "Enter the code from your authenticator app" }]);
  if (!(await mayAddSecondFactor(user, sessionId))) return fail.forbidden("Finish signing in first");
  if ((await reserveSecondFactorAttempt(user.userId)) === "throttled") {
    return fail.invalid([{ field: "code", message: THROTTLED_CODE }]);
  }
  const factor = await db().totpFactor.findUnique({ where: { userId: user.userId } });
  if (!factor) return fail.conflict("Start setting up your authenticator app again", "code");
  if (factor.confirmedAt) return fail.conflict("Your authenticator app is already set up", "code");
  const secret = openSecret(factor.secret, secondFactorKeys());
  const check = secret ? checkTotpCode(secret, code, null, now) : ({ ok: false, reason: "wrong" } as const);
  if (!check.ok) {
    await recordFailedEnrolment(user, meta, "totp", check.reason);
    return fail.invalid([{ field: "code", message: WRONG }]);
  }
  const recoveryCodes = await db().$transaction(async (tx) => {
    const { count } = await tx.totpFactor.updateMany({
      where: { userId: user.userId, confirmedAt: null },
      data: { confirmedAt: new Date(now), lastUsedStep: check.step },
    });
    if (count !== 1) return null;
    const codes = await replaceRecoveryCodes(tx, user.userId);
    await recordEnrolment(tx, user, sessionId, meta, { method: "totp", recoveryCodes: codes.length });
    return codes;
  });
  if (!recoveryCodes) return fail.conflict("Your authenticator app is already set up", "code");
  await settleSuccessfulSecondFactor(user.userId);
  return { ok: true, recoveryCodes };
}
