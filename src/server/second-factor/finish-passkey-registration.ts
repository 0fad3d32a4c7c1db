import "server-only";
import { verifyRegistrationResponse } from "@simplewebauthn/server";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { recordEnrolment, recordFailedEnrolment } from "./complete-second-factor";
import { relyingParty } from "./relying-party";
import { replaceRecoveryCodes } from "./replace-recovery-codes";
import { consumeChallenge } from "./webauthn-challenges";
import { mayAddSecondFactor } from "./second-factor-state";

const schema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "Enter a name for this passkey, such as “Work laptop”" })
    .max(60, { error: "Name must be 60 characters or fewer" }),
  response: z.looseObject({ id: z.string(), rawId: z.string(), type: z.literal("public-key") }),
});

/**
 * Registers a passkey: the browser's answer must sign the challenge this person was given (held
 * in PostgreSQL, used once) for this site's origin. A first factor also gets recovery codes (shown
 * once); during sign-in's set-up step it completes the session.
 */
export async function finishPasskeyRegistration(
  user: SignedInUser,
  sessionId: string | null,
  raw: unknown,
  meta: RequestMeta,
): Promise<UseCaseResult<{ recoveryCodes: string[] | null }>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return fail.invalid(parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? "name"), message: i.message })));
  }
  if (!(await mayAddSecondFactor(user, sessionId))) return fail.forbidden("Finish signing in first");
  const { rpID, origin } = relyingParty();
  const refuse = async (reason: string) => {
    await recordFailedEnrolment(user, meta, "passkey", reason);
    return fail.invalid([{ field: "name", message: "The passkey could not be registered. Try again" }]);
  };
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response: parsed.data.response as unknown as RegistrationResponseJSON,
      expectedChallenge: (challenge) => consumeChallenge(user.userId, "registration", challenge),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch {
    return refuse("verification-failed");
  }
  if (!verification.verified) return refuse("not-verified");
  const { credential } = verification.registrationInfo;
  const recoveryCodes = await db().$transaction(async (tx) => {
    const hadFactor =
      (await tx.totpFactor.count({ where: { userId: user.userId, confirmedAt: { not: null } } })) > 0 ||
      (await tx.passkey.count({ where: { userId: user.userId } })) > 0;
    await tx.passkey.create({
      data: {
        userId: user.userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name: parsed.data.name,
      },
    });
    const codes = hadFactor ? null : await replaceRecoveryCodes(tx, user.userId);
    await recordEnrolment(tx, user, sessionId, meta, {
      method: "passkey",
      name: parsed.data.name,
      recoveryCodes: codes?.length ?? 0,
    });
    return codes;
  });
  return { ok: true, recoveryCodes };
}
