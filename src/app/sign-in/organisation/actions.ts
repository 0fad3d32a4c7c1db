"use server";
import { cookies } from "next/headers";
import { usesSecureCookies } from "@/server/infra/env";
import { startSsoSignIn } from "@/server/sso/start-sso-sign-in";
import { SSO_STATE_COOKIE, ssoStateCookieOptions } from "@/server/sso/sso-state-cookie";
import { formAction } from "@/server/pipeline/action";

export const startSsoSignInAction = formAction({ access: "public" }, ({ fields }) => startSsoSignIn(fields), {
  done: async ({ url, state }) => {
    // Binds the flow to this browser: the callback must bring back the state this cookie holds.
    (await cookies()).set(SSO_STATE_COOKIE, state, ssoStateCookieOptions(usesSecureCookies()));
    // Not a redirect: after a form post the browser would check the provider's origin against the
    // CSP's form-action 'self' and stop. The form follows this link itself (script), or shows it.
    return { errors: [], values: { continueTo: url }, notice: null };
  },
  refill: (fields) => ({ email: typeof fields.email === "string" ? fields.email.slice(0, 254) : "" }),
});
