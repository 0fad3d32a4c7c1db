import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { env, usesSecureCookies } from "@/server/infra/env";
import { sessionCookieName } from "@/server/auth/session-token";
import { currentSession } from "@/server/auth/current-actor";
import { endSession } from "@/server/auth/end-session";
import type { RequestMeta } from "@/server/infra/request-context";
import { endUserSession } from "@/server/auth/end-user-session";
import { routeHandler } from "@/server/pipeline/route";
import { oneOf } from "@/app/page-props";

const CAUSES = { timeout: "timeout", revoked: "revoked", "signed-out": "user" } as const;

type Reason = keyof typeof CAUSES;

function reasonFrom(raw: FormDataEntryValue | string | null | undefined): Reason {
  return oneOf(raw, CAUSES, "signed-out");
}

/** Clears the cookie, records why, and shows the sign-in page (or "signed out") with the reason. */
async function ending(request: Request, reason: Reason, meta: RequestMeta): Promise<Response> {
  const secure = usesSecureCookies();
  const cookieName = sessionCookieName(secure);
  // Next hands route handlers a NextRequest, which is what getToken reads the cookie from.
  const secret = env().NEXTAUTH_SECRET;
  const token = await getToken({ req: request as NextRequest, secret, secureCookie: secure, cookieName });
  if (token?.sub && token.sid) {
    await endUserSession(token.sub, token.sid, reason === "signed-out" ? "sign-out" : reason).catch(() => false);
  }
  await endSession(token?.sub, CAUSES[reason], meta);
  const target = reason === "signed-out" ? "/signed-out" : `/sign-in?reason=${reason}`;
  const response = NextResponse.redirect(new URL(target, request.url), 303);
  response.cookies.delete(cookieName);
  return response;
}

// Public in the pipeline's terms: the session may already be invalid, which is why it is ending.
// Signing out is a POST (the timeout dialog's forms), so no link or image on any page can sign a
// person out (issue 12). A route handler, because only a handler or action may clear the cookie.
export const POST = routeHandler("public", async ({ request, meta }) => {
  const form = await request.formData().catch(() => null);
  return ending(request, reasonFrom(form?.get("reason") ?? new URL(request.url).searchParams.get("reason")), meta);
});

// A GET only tidies up a session that has already ended (idle timeout, revoked: the redirect
// current-actor.ts makes); a live session is left alone and the visitor sent home.
export const GET = routeHandler("public", async ({ request, meta }) => {
  if ((await currentSession()).status === "signed-in") return NextResponse.redirect(new URL("/", request.url), 303);
  return ending(request, reasonFrom(new URL(request.url).searchParams.get("reason")), meta);
});
