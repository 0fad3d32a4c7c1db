"use server";
import { homePathFor } from "@/domain/policy";
import { safeCallbackPath } from "@/schemas/sign-in";
import { issueSessionCookie } from "@/server/auth/session-cookie";
import { signInUser } from "@/server/auth/sign-in-user";
import { formAction, goTo } from "@/server/pipeline/action";

export const signInAction = formAction({ access: "public" }, ({ fields, meta }) => signInUser(fields, meta), {
  done: async ({ user, callbackUrl }) => {
    await issueSessionCookie(user, "password");
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
