import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { env, usesSecureCookies } from "@/server/env";
import { sessionCookieName } from "@/server/auth/session-token";
import { recordSignOut } from "@/server/auth/record-sign-out";
import { currentSession } from "@/server/auth/current-actor";
import { db } from "@/server/db";
import { metaFromHeaders } from "@/server/request-context";
import type { Role } from "@/domain/policy";

const CAUSES = { timeout: "timeout", revoked: "revoked", "signed-out": "user" } as const;

type Reason = keyof typeof CAUSES;

function reasonFrom(raw: FormDataEntryValue | string | null): Reason {
  return typeof raw === "string" && raw in CAUSES ? (raw as Reason) : "signed-out";
}

/** Clears the cookie, records why, and shows the sign-in page (or "signed out") with the reason. */
async function endSession(request: NextRequest, reason: Reason): Promise<NextResponse> {
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

// Signing out is a POST (the timeout dialog's forms), so no link or image on any page can sign a
// person out (issue 12). A route handler, because only a handler or action may clear the cookie.
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  return endSession(request, reasonFrom(form?.get("reason") ?? request.nextUrl.searchParams.get("reason")));
}

// A GET only tidies up a session that has already ended (idle timeout, revoked: the redirect
// current-actor.ts makes); a live session is left alone and the visitor sent home.
export async function GET(request: NextRequest) {
  if ((await currentSession()).status === "signed-in") return NextResponse.redirect(new URL("/", request.url), 303);
  return endSession(request, reasonFrom(request.nextUrl.searchParams.get("reason")));
}
