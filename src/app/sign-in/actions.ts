"use server";
import { cookies } from "next/headers";
import { homePathFor } from "@/domain/policy";
import { safeCallbackPath } from "@/schemas/sign-in";
import { env, usesSecureCookies } from "@/server/infra/env";
import { signInUser } from "@/server/auth/sign-in-user";
import { encodeSessionToken, nowSeconds, sessionCookieName, sessionCookieOptions } from "@/server/auth/session-token";
import { formAction, goTo } from "@/server/pipeline/action";

export const signInAction = formAction({ access: "public" }, ({ fields, meta }) => signInUser(fields, meta), {
  done: async ({ user, callbackUrl }) => {
    const { NEXTAUTH_SECRET, SESSION_IDLE_MINUTES } = env();
    const maxAge = SESSION_IDLE_MINUTES * 60;
    const { id: sub, name, email, role, sessionVersion: sv, sessionId: sid } = user;
    const claims = {
      sub,
      name,
      email,
      role,
      sv,
      sid,
      authAt: nowSeconds(),
      ...(user.secondFactorPending ? { sfp: true } : {}),
    };
    const token = await encodeSessionToken(claims, NEXTAUTH_SECRET, maxAge);
    const secure = usesSecureCookies();
    (await cookies()).set(sessionCookieName(secure), token, sessionCookieOptions(secure, maxAge));
    const next = safeCallbackPath(callbackUrl);
    // The second factor comes next (decision 021): a code or passkey, or setting one up first.
    if (user.secondFactor !== "none") {
      const step = user.secondFactor === "enrol" ? "/second-factor/set-up" : "/second-factor";
      return goTo(next ? `${step}?callbackUrl=${encodeURIComponent(next)}` : step);
    }
    return goTo(next ?? homePathFor(user.role));
  },
  // Never the password; the email only as far as a valid address can be long.
  refill: (fields) => ({ email: typeof fields.email === "string" ? fields.email.slice(0, 254) : "" }),
});
