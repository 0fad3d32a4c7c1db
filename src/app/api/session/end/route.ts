import { NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { env, usesSecureCookies } from "@/server/infra/env";
import { sessionCookieName } from "@/server/auth/session-token";
import { endSession } from "@/server/auth/end-session";
import { endUserSession } from "@/server/auth/end-user-session";
import { routeHandler } from "@/server/pipeline/route";

const CAUSES = { timeout: "timeout", revoked: "revoked", "signed-out": "user" } as const;

// Ends a session from a link (timeout dialog, revoked session): clears the cookie, which only a
// route handler or action may do, records why, and shows the sign-in page with the reason.
// Public in the pipeline's terms: the session may already be invalid, which is why it is ending.
export const GET = routeHandler("public", async ({ request, meta }) => {
  const url = new URL(request.url);
  const raw = url.searchParams.get("reason") ?? "signed-out";
  const reason = raw in CAUSES ? (raw as keyof typeof CAUSES) : "signed-out";
  const secure = usesSecureCookies();
  const cookieName = sessionCookieName(secure);
  const token = await getToken({ req: request as never, secret: env().NEXTAUTH_SECRET, secureCookie: secure, cookieName });
  if (token?.sub && token.sid) {
    await endUserSession(token.sub, token.sid, reason === "signed-out" ? "sign-out" : reason).catch(() => false);
  }
  await endSession(token?.sub, CAUSES[reason], meta);
  const response = NextResponse.redirect(new URL(reason === "signed-out" ? "/signed-out" : `/sign-in?reason=${reason}`, request.url), 303);
  response.cookies.delete(cookieName);
  return response;
});
