/** Holds a single sign-on flow's state on the browser that started it (decision 022). */
export const SSO_STATE_COOKIE = "infoshare-sso-state";

export function ssoStateCookieOptions(secure: boolean) {
  // Lax: sent on the provider's top-level redirect back to us, not on cross-site subrequests.
  return { httpOnly: true, sameSite: "lax" as const, path: "/sso", secure, maxAge: 10 * 60 };
}
