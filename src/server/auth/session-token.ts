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
