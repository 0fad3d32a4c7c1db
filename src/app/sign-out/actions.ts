"use server";
import { cookies } from "next/headers";
import { usesSecureCookies } from "@/server/infra/env";
import { sessionCookieName } from "@/server/auth/session-token";
import { recordSignOut } from "@/server/auth/record-sign-out";
import { currentSessionId } from "@/server/auth/current-actor";
import { endUserSession } from "@/server/auth/end-user-session";
import { goTo, postAction } from "@/server/pipeline/action";

// Public: signing out must work whatever state the session is in; it is recorded only if signed in.
export const signOutAction = postAction(
  { access: "public" },
  async ({ user, meta }) => {
    const sessionId = await currentSessionId();
    // Ended on the server, so a copy of the cookie is refused everywhere (decision 018).
    if (user && sessionId) await endUserSession(user.userId, sessionId, "sign-out");
    if (user) await recordSignOut(user, "user", meta);
    (await cookies()).delete(sessionCookieName(usesSecureCookies()));
    return { ok: true };
  },
  {
    done: () => goTo("/signed-out"),
  },
);
