import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { env, usesSecureCookies } from "@/server/infra/env";
import { REQUEST_ID_HEADER } from "@/server/infra/request-context";
import { databaseAvailable } from "@/server/infra/database-availability";
import { serviceUnavailableResponse } from "@/server/infra/service-unavailable";
import { checkServerActionRequest } from "@/server/server-action-payload";
import { badRequestResponse } from "@/server/bad-request";
import { newNonce, securityHeaders } from "@/server/security-headers";
import {
  encodeSessionToken,
  idleAllowanceSeconds,
  renewalDue,
  renewedCookieSeconds,
  sessionCookieName,
  sessionCookieOptions,
} from "@/server/auth/session-token";
import { VOUCHED_TOKEN_HEADER, vouchForToken } from "@/server/auth/vouched-token";

// Only redirects and session housekeeping: pages, actions and handlers authorise themselves.
// 1. Stamps a request id for the audit trail.
// 2. Sends visitors without a session to sign in.
// 2b. Sends a session still waiting for its second factor to /second-factor (decision 021).
// 3. Slides the idle timeout: re-issues the session cookie when it has less than the idle limit
//    left (at most once a minute: it lives a minute longer), so it always outlives
//    SESSION_IDLE_MINUTES without activity; the session record ends the session at that limit.
//    And hands the decoded token to the page (vouched-token.ts), which then need not decrypt it again.
// 4. While the database is unreachable, answers 503 "Sorry, the service is unavailable" at once
//    (src/server/infra/database-availability.ts); /api/health still reports for itself.
// 5. Refuses, with a 400, a POST to a page whose server-action fields React could not decode
//    (src/server/server-action-payload.ts), so a tampered form is never a 500 or a hang.
// 6. Puts the security headers on every response (src/server/security-headers.ts): a nonced CSP,
//    also on the request so Next.js nonces its own scripts, no framing, HSTS over HTTPS, no-store.

const PUBLIC_PREFIXES = [
  "/sign-in",
  "/signed-out",
  "/accessibility",
  // One-time links (decision 019): first-run set-up, accepting an invitation, password reset.
  "/setup",
  "/invitation",
  "/password-reset",
  // The guidance sources and version history (decision 024): public reference, like the statement.
  "/guidance",
  "/api/auth",
  "/api/health",
  "/api/session/end",
  // The identity provider's redirect back to finish single sign-on (decision 022).
  "/sso/callback",
  // The audit checkpoint keys are published so exports can be checked offline (decision 014).
  "/api/audit/public-keys",
];

// What a session waiting for its second factor may reach (decision 021), besides the public paths.
const SECOND_FACTOR_PREFIXES = ["/second-factor", "/api/second-factor", "/api/session"];

function underAny(prefixes: readonly string[], pathname: string): boolean {
  return prefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function isPublic(pathname: string): boolean {
  return underAny(PUBLIC_PREFIXES, pathname);
}

export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders(nonce, usesSecureCookies());
  const response = await route(request, headers["Content-Security-Policy"]!);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

async function route(request: NextRequest, contentSecurityPolicy: string): Promise<Response> {
  if (request.nextUrl.pathname !== "/api/health" && !(await databaseAvailable())) {
    return serviceUnavailableResponse(request.nextUrl.pathname, request.headers.get("accept"));
  }
  if (request.method === "POST" && !request.nextUrl.pathname.startsWith("/api/")) {
    const verdict = await checkServerActionRequest(request);
    if (verdict && !verdict.ok) {
      return badRequestResponse(request.headers.get("accept"), request.headers.has("next-action"));
    }
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, crypto.randomUUID());
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy);
  requestHeaders.delete(VOUCHED_TOKEN_HEADER);

  const { NEXTAUTH_SECRET: secret, SESSION_IDLE_MINUTES } = env();
  const secure = usesSecureCookies();
  const cookieName = sessionCookieName(secure);
  const token = await getToken({ req: request, secret, secureCookie: secure, cookieName });
  const allowance = token ? idleAllowanceSeconds(token, SESSION_IDLE_MINUTES * 60) : 0;

  if ((!token || allowance === 0) && !isPublic(request.nextUrl.pathname)) {
    if (request.nextUrl.pathname.startsWith("/api/")) {
      return NextResponse.json({ error: "Sign in to use this API" }, { status: 401 });
    }
    const signIn = new URL("/sign-in", request.url);
    const wanted = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    if (wanted !== "/") signIn.searchParams.set("callbackUrl", wanted);
    if (request.cookies.has(cookieName)) signIn.searchParams.set("reason", "timeout");
    const response = NextResponse.redirect(signIn);
    response.cookies.delete(cookieName);
    return response;
  }

  // The claim spares pages a query; currentSession checks the session record itself either way.
  const pathname = request.nextUrl.pathname;
  if (token?.sfp && allowance > 0 && !isPublic(pathname) && !underAny(SECOND_FACTOR_PREFIXES, pathname)) {
    if (pathname.startsWith("/api/")) {
      return NextResponse.json({ error: "Finish signing in with your second factor" }, { status: 401 });
    }
    // A server action posted from a page is left to the pipeline (sign-out must work from anywhere).
    if (!(request.method === "POST" && request.headers.has("next-action"))) {
      return NextResponse.redirect(new URL("/second-factor", request.url));
    }
  }

  const cookie = request.cookies.get(cookieName)?.value;
  if (token && allowance > 0 && cookie) requestHeaders.set(VOUCHED_TOKEN_HEADER, vouchForToken(token, cookie));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  const idleSeconds = SESSION_IDLE_MINUTES * 60;
  // A pending session's cookie is not slid: the response that completes the second factor sets the
  // cookie without the claim, and a copy of the old one set here could win and loop (decision 021).
  const slides = token && allowance > 0 && !token.sfp && !pathname.startsWith("/api/auth");
  if (slides && renewalDue(token, idleSeconds)) {
    const lifetime = renewedCookieSeconds(token, idleSeconds);
    response.cookies.set(
      cookieName,
      await encodeSessionToken(token, secret, lifetime),
      sessionCookieOptions(secure, lifetime),
    );
  }
  return response;
}

export const config = {
  // Static files never reach the proxy: no token work, no sign-in redirect, no database check.
  // icon.svg is the app's icon (src/app/icon.svg), served with a content hash by Next.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
