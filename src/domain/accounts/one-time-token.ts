import { createHash, randomBytes } from "node:crypto";

/**
 * One-time links (set-up, invitation, password reset; decision 019): 32 random bytes in the link,
 * only their SHA-256 in the database, so a copy of the database opens no account. A fast hash is
 * enough: the token has 256 bits of entropy, nothing to guess.
 */
export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens as issued: 43 base64url characters. Anything else is refused before a database look-up. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export const SETUP_LINK_HOURS = 24;
export const INVITATION_DAYS = 7;
export const PASSWORD_RESET_MINUTES = 60;

export function hoursFrom(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}
