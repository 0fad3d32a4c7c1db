"use server";
import { cookies } from "next/headers";
import { usesSecureCookies } from "@/server/infra/env";
import { sessionCookieName } from "@/server/auth/session-token";
import { recordSignOut } from "@/server/auth/record-sign-out";
import { goTo, postAction } from "@/server/pipeline/action";

// Public: signing out must work whatever state the session is in; it is recorded only if signed in.
export const signOutAction = postAction(
  { access: "public" },
  async ({ user, meta }) => {
    if (user) await recordSignOut(user, "user", meta);
    (await cookies()).delete(sessionCookieName(usesSecureCookies()));
    return { ok: true };
  },
  {
    done: () => goTo("/signed-out"),
  },
);
