import "server-only";
import { cookies } from "next/headers";
import { env, usesSecureCookies } from "@/server/infra/env";
import type { SessionUser } from "./sign-in-user";
import { encodeSessionToken, nowSeconds, sessionCookieName, sessionCookieOptions } from "./session-token";

/**
 * Sets the session cookie for a session record just opened: the same NextAuth JWT the password
 * sign-in action sets (decisions 004, 018). `via` says how the person proved who they are.
 */
export async function issueSessionCookie(user: SessionUser, via: "password" | "sso"): Promise<void> {
  const { NEXTAUTH_SECRET, SESSION_IDLE_MINUTES } = env();
  const maxAge = SESSION_IDLE_MINUTES * 60;
  const { id: sub, name, email, role, sessionVersion: sv, sessionId: sid } = user;
  const token = await encodeSessionToken(
    { sub, name, email, role, sv, sid, via, authAt: nowSeconds() },
    NEXTAUTH_SECRET,
    maxAge,
  );
  const secure = usesSecureCookies();
  (await cookies()).set(sessionCookieName(secure), token, sessionCookieOptions(secure, maxAge));
}
