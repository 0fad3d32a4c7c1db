import { cookies } from "next/headers";
import { homePathFor } from "@/domain/policy";
import { safeCallbackPath } from "@/schemas/sign-in";
import { issueSessionCookie } from "@/server/auth/session-cookie";
import { routeHandler } from "@/server/pipeline/route";
import { finishSsoSignIn } from "@/server/sso/finish-sso-sign-in";
import { SSO_STATE_COOKIE } from "@/server/sso/sso-state-cookie";
import { ssoRedirectUri } from "@/server/sso/start-sso-sign-in";

// The identity provider's redirect back (decision 022). Public: the person is not signed in yet.
export const GET = routeHandler("public", async ({ request, meta }) => {
  const jar = await cookies();
  const stateCookie = jar.get(SSO_STATE_COOKIE)?.value ?? null;
  jar.delete({ name: SSO_STATE_COOKIE, path: "/sso" });
  // The registered redirect URI with the provider's parameters: behind a proxy the request's own
  // URL names the internal host, and openid-client sends this URL's origin and path as redirect_uri.
  const base = ssoRedirectUri() ?? request.url;
  const callbackUrl = new URL(`${new URL(base).pathname}${new URL(request.url).search}`, base);
  const result = await finishSsoSignIn(callbackUrl, stateCookie, meta);
  const go = (path: string) => new Response(null, { status: 303, headers: { Location: path } });
  if (!result.ok) return go(`/sign-in/organisation?problem=${result.reason}`);
  await issueSessionCookie(result.user, "sso");
  return go(safeCallbackPath(result.callbackUrl) ?? homePathFor(result.user.role));
});
