import "server-only";
import { generateRegistrationOptions } from "@simplewebauthn/server";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";
import { relyingParty } from "./relying-party";
import { storeChallenge } from "./webauthn-challenges";
import { mayAddSecondFactor } from "./second-factor-state";
import { type UseCaseResult, fail } from "@/domain/errors";

/** The browser's options for creating a passkey for InfoShare; the challenge kept in PostgreSQL. */
export async function startPasskeyRegistration(
  user: SignedInUser,
  sessionId: string | null,
): Promise<UseCaseResult<{ options: PublicKeyCredentialCreationOptionsJSON }>> {
  if (!(await mayAddSecondFactor(user, sessionId))) return fail.forbidden("Finish signing in first");
  const { rpID, rpName } = relyingParty();
  const existing = await db().passkey.findMany({
    where: { userId: user.userId },
    select: { credentialId: true, transports: true },
  });
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.userId),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storeChallenge(user.userId, "registration", options.challenge);
  return { ok: true, options };
}
