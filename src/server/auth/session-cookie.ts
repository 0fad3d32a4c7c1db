import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { env, usesSecureCookies } from "@/server/infra/env";
import type { SessionUser } from "./sign-in-user";
import {
  encodeSessionToken,
  idleAllowanceSeconds,
  nowSeconds,
  sessionCookieName,
  sessionCookieOptions,
} from "./session-token";

/**
 * Sets the session cookie for a session record just opened, by the password sign-in action or single
 * sign-on: a NextAuth JWT (decisions 004, 018). `via` says how the person proved who they are; a session
 * still waiting for its second factor carries the "pending" claim proxy.ts acts on (decision 021).
 */
export async function issueSessionCookie(user: SessionUser, via: "password" | "sso"): Promise<void> {
  const { NEXTAUTH_SECRET, SESSION_IDLE_MINUTES } = env();
  const maxAge = SESSION_IDLE_MINUTES * 60;
  const { id: sub, name, email, role, sessionVersion: sv, sessionId: sid } = user;
  const token = await encodeSessionToken(
    { sub, name, email, role, sv, sid, via, authAt: nowSeconds(), ...(user.secondFactorPending ? { sfp: true } : {}) },
    NEXTAUTH_SECRET,
    maxAge,
  );
  const secure = usesSecureCookies();
  (await cookies()).set(sessionCookieName(secure), token, sessionCookieOptions(secure, maxAge));
}

/**
 * After the second factor (decision 021): the same session token without its "pending" claim, so
 * proxy.ts stops sending the person to the second-factor page. The session record is what decides
 * (currentSession); the claim only spares the proxy a database query. For server actions and route
 * handlers, the only places that may set a cookie.
 */
export async function reissueSessionCookieWithSecondFactor(): Promise<void> {
  const jar = await cookies();
  const secure = usesSecureCookies();
  const name = sessionCookieName(secure);
  const raw = jar.get(name)?.value;
  if (!raw) return;
  const { NEXTAUTH_SECRET: secret, SESSION_IDLE_MINUTES } = env();
  const token = await decode({ token: raw, secret }).catch(() => null);
  if (!token) return;
  const allowance = idleAllowanceSeconds(token, SESSION_IDLE_MINUTES * 60);
  if (allowance === 0) return;
  const { sfp: _pending, ...claims } = token;
  jar.set(name, await encodeSessionToken(claims, secret, allowance), sessionCookieOptions(secure, allowance));
}
