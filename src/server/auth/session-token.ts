// Session token helpers shared by the sign-in action, proxy.ts (sliding idle expiry) and
// NextAuth's own routes. Tokens are NextAuth JWTs (encrypted, A256GCM) so currentSession and
// the Credentials provider read the same cookie.
import { type JWT, encode } from "next-auth/jwt";

/** A session lives at most this long after sign-in, however active the user is. */
export const ABSOLUTE_SESSION_SECONDS = 12 * 60 * 60;

export function sessionCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge: maxAgeSeconds };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Seconds the session may still be idle before it ends, capped by its absolute lifetime. */
export function idleAllowanceSeconds(token: Pick<JWT, "authAt">, idleSeconds: number, now = nowSeconds()): number {
  const absoluteLeft = (token.authAt ?? now) + ABSOLUTE_SESSION_SECONDS - now;
  return Math.max(0, Math.min(idleSeconds, absoluteLeft));
}

export async function encodeSessionToken(token: JWT, secret: string, maxAgeSeconds: number): Promise<string> {
  const { exp: _exp, iat: _iat, jti: _jti, ...claims } = token;
  return encode({ token: claims, secret, maxAge: maxAgeSeconds });
}

/**
 * How much longer than the idle limit proxy.ts makes the cookie live, so that it need not re-issue
 * it on every request: only once it has less than the idle limit left (renewalDue), at most once a
 * minute for someone active. The idle limit itself is the session record's (currentSession checks
 * last_seen_at, touched on every page): the cookie only has to outlive it.
 */
export const RENEWAL_SLACK_SECONDS = 60;

/** Whether the cookie must be re-issued now so that it still outlives the idle allowance. */
export function renewalDue(token: Pick<JWT, "authAt"> & { exp?: unknown }, idleSeconds: number, now = nowSeconds()) {
  const expiresAt = typeof token.exp === "number" ? token.exp : 0;
  return expiresAt - now < idleAllowanceSeconds(token, idleSeconds, now);
}

/** The lifetime of a re-issued cookie: the idle limit and the slack, never past the absolute lifetime. */
export function renewedCookieSeconds(token: Pick<JWT, "authAt">, idleSeconds: number, now = nowSeconds()): number {
  const absoluteLeft = idleAllowanceSeconds(token, Number.MAX_SAFE_INTEGER, now);
  return Math.min(idleSeconds + RENEWAL_SLACK_SECONDS, absoluteLeft);
}
