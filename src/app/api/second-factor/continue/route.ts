import { NextResponse } from "next/server";
import { homePathFor } from "@/domain/policy";
import { safeCallbackPath } from "@/schemas/sign-in";
import { currentSession } from "@/server/auth/current-actor";
import { reissueSessionCookieWithSecondFactor } from "@/server/auth/session-cookie";
import { routeHandler } from "@/server/pipeline/route";

// Where "Continue" goes once the second factor is given (decision 021): the cookie is re-issued
// without its "pending" claim, then on to the page. A handler rather than the action that gave the
// factor, because a cookie set by that action re-renders the page and would lose the recovery codes
// it is showing. It changes nothing the session record does not already say.
// Relative redirects: a handler's request.url may name the server's own host (localhost) rather than
// the one the browser used (127.0.0.1), whose cookie would then not be sent.
const seeOther = (path: string) => new NextResponse(null, { status: 303, headers: { Location: path } });

export const GET = routeHandler("password-verified", async ({ request, user }) => {
  const state = await currentSession();
  const next = safeCallbackPath(new URL(request.url).searchParams.get("next")) ?? homePathFor(user.role);
  if (state.status !== "signed-in") return seeOther("/second-factor");
  await reissueSessionCookieWithSecondFactor();
  return seeOther(next);
});
