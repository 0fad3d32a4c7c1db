import "server-only";
import { db } from "@/server/infra/db";

export type ChallengePurpose = "registration" | "authentication";
const CHALLENGE_SECONDS = 5 * 60;

/** Keeps a challenge in PostgreSQL, so whichever instance receives the answer can check it. */
export async function storeChallenge(userId: string, purpose: ChallengePurpose, challenge: string): Promise<void> {
  await db().$transaction([
    // Expired ones go; an unanswered earlier one of the same kind stays valid until it expires.
    db().webauthnChallenge.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } }),
    db().webauthnChallenge.create({
      data: { userId, purpose, challenge, expiresAt: new Date(Date.now() + CHALLENGE_SECONDS * 1000) },
    }),
  ]);
}

/** True once for a challenge this user was given for this purpose and that has not expired: it is deleted. */
export async function consumeChallenge(userId: string, purpose: ChallengePurpose, challenge: string): Promise<boolean> {
  const { count } = await db().webauthnChallenge.deleteMany({
    where: { userId, purpose, challenge, expiresAt: { gt: new Date() } },
  });
  return count > 0;
}
