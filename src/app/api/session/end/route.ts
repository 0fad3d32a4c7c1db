import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { env, usesSecureCookies } from "@/server/infra/env";
import { sessionCookieName } from "@/server/auth/session-token";
import { recordSignOut } from "@/server/auth/record-sign-out";
import { db } from "@/server/infra/db";
import { metaFromHeaders } from "@/server/infra/request-context";
import type { Role } from "@/domain/policy";

const CAUSES = { timeout: "timeout", revoked: "revoked", "signed-out": "user" } as const;

// Ends a session from a link (timeout dialog, revoked session): clears the cookie, which only a
// route handler or action may do, records why, and shows the sign-in page with the reason.
export async function GET(request: NextRequest) {
  const raw = request.nextUrl.searchParams.get("reason") ?? "signed-out";
  const reason = raw in CAUSES ? (raw as keyof typeof CAUSES) : "signed-out";
  const secure = usesSecureCookies();
  const cookieName = sessionCookieName(secure);
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET, secureCookie: secure, cookieName });
  if (token?.sub) {
    const user = await db().user.findUnique({ where: { id: token.sub }, select: { id: true, role: true, organisationId: true, teamId: true } });
    if (user)
      await recordSignOut(
        { userId: user.id, role: user.role as Role, organisationId: user.organisationId, teamId: user.teamId },
        CAUSES[reason],
        metaFromHeaders(request.headers),
      );
  }
  const response = NextResponse.redirect(new URL(reason === "signed-out" ? "/signed-out" : `/sign-in?reason=${reason}`, request.url), 303);
  response.cookies.delete(cookieName);
  return response;
}
