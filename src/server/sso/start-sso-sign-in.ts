import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { emailDomain } from "@/domain/sso";
import { safeCallbackPath } from "@/schemas/sign-in";
import { ssoStartSchema } from "@/schemas/sso-configuration";
import { db } from "@/server/infra/db";
import { env } from "@/server/infra/env";
import { logger } from "@/server/infra/logger";
import { fieldErrorsFrom } from "@/server/field-errors";
import { authorizationRequest, discoverProvider } from "./identity-provider";
import { organisationForDomain, ssoSettingsFor } from "./sso-configuration";

export const SSO_CALLBACK_PATH = "/sso/callback";

const NO_SSO =
  "Your organisation does not sign in to InfoShare with its own account. Sign in with your email address and password";
const PROVIDER_DOWN = "Your organisation’s sign-in service is not answering. Try again later";

/** Where the provider sends people back: one fixed URL, registered with the provider. */
export function ssoRedirectUri(): string | null {
  const base = env().NEXTAUTH_URL;
  return base ? new URL(SSO_CALLBACK_PATH, base).href : null;
}

/**
 * Email first (decision 022): the email's domain names the organisation; its provider gets an
 * authorization request (code + PKCE + state + nonce). The flow is kept in PostgreSQL, so any
 * instance can finish it; the caller binds it to the browser with a cookie holding its state.
 */
export async function startSsoSignIn(raw: unknown): Promise<UseCaseResult<{ url: string; state: string }>> {
  const parsed = ssoStartSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const domain = emailDomain(parsed.data.email);
  const organisationId = domain ? await organisationForDomain(domain) : null;
  const settings = organisationId ? await ssoSettingsFor(organisationId) : null;
  const redirectUri = ssoRedirectUri();
  if (!organisationId || !settings || !redirectUri) return fail.invalid([{ field: "email", message: NO_SSO }]);

  let request;
  try {
    request = await authorizationRequest(await discoverProvider(settings), redirectUri, parsed.data.email);
  } catch (error) {
    logger().warn({ organisationId, err: error }, "single sign-on provider discovery failed");
    return fail.busy(PROVIDER_DOWN);
  }
  await db().ssoSignInFlow.create({
    data: {
      state: request.state,
      organisationId,
      codeVerifier: request.codeVerifier,
      nonce: request.nonce,
      callbackUrl: safeCallbackPath(parsed.data.callbackUrl),
    },
  });
  return { ok: true, url: request.url, state: request.state };
}
