import "server-only";
import { generateAuthenticationOptions } from "@simplewebauthn/server";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";
import { relyingParty } from "./relying-party";
import { storeChallenge } from "./webauthn-challenges";

/** The browser's options for signing with one of this person's passkeys (the second step of signing in). */
export async function startPasskeyAuthentication(
  user: SignedInUser,
): Promise<UseCaseResult<{ options: PublicKeyCredentialRequestOptionsJSON }>> {
  const passkeys = await db().passkey.findMany({
    where: { userId: user.userId },
    select: { credentialId: true, transports: true },
  });
  if (passkeys.length === 0) return fail.conflict("You have no passkey set up");
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports })),
    userVerification: "preferred",
  });
  await storeChallenge(user.userId, "authentication", options.challenge);
  return { ok: true, options };
}
