import "server-only";
import { verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { AuthenticationResponseJSON, AuthenticatorTransport } from "@simplewebauthn/server";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "@/server/auth/current-actor";
import { reserveSecondFactorAttempt, settleSuccessfulSecondFactor } from "@/server/auth/sign-in-throttle";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { completePendingSession, recordSecondFactorFailure, recordSecondFactorSuccess } from "./complete-second-factor";
import { relyingParty } from "./relying-party";
import { consumeChallenge } from "./webauthn-challenges";
import { THROTTLED_CODE } from "./verify-totp-code";

const schema = z.object({
  response: z.looseObject({ id: z.string(), rawId: z.string(), type: z.literal("public-key") }),
});

const FAILED = "Your passkey could not be checked. Try again, or use your authenticator app or a recovery code";

/**
 * The second step of signing in with a passkey: one of this person's credentials must sign the
 * challenge they were given (PostgreSQL, once) for this origin; its signature counter moves on.
 */
export async function finishPasskeyAuthentication(
  user: SignedInUser,
  sessionId: string | null,
  raw: unknown,
  meta: RequestMeta,
): Promise<UseCaseResult> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return fail.invalid([{ field: "passkey", message: FAILED }]);
  if ((await reserveSecondFactorAttempt(user.userId)) === "throttled") {
    await recordSecondFactorFailure(user, meta, "passkey", "throttled");
    return fail.invalid([{ field: "passkey", message: THROTTLED_CODE }]);
  }
  const response = parsed.data.response as unknown as AuthenticationResponseJSON;
  const passkey = await db().passkey.findUnique({ where: { credentialId: response.id } });
  if (!passkey || passkey.userId !== user.userId) {
    await recordSecondFactorFailure(user, meta, "passkey", "unknown-credential");
    return fail.invalid([{ field: "passkey", message: FAILED }]);
  }
  const { rpID, origin } = relyingParty();
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(user.userId, "authentication", challenge),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: Number(passkey.counter),
        transports: passkey.transports as AuthenticatorTransport[],
      },
      requireUserVerification: false,
    });
  } catch {
    verification = null;
  }
  if (!verification?.verified) {
    await recordSecondFactorFailure(user, meta, "passkey", "verification-failed");
    return fail.invalid([{ field: "passkey", message: FAILED }]);
  }
  await db().$transaction(async (tx) => {
    await tx.passkey.update({
      where: { id: passkey.id },
      data: { counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() },
    });
    await completePendingSession(tx, user.userId, sessionId);
    await recordSecondFactorSuccess(tx, user, meta, "passkey", { passkey: passkey.name });
  });
  await settleSuccessfulSecondFactor(user.userId);
  return { ok: true };
}
