import "server-only";
import * as oidc from "openid-client";
import { allowsInsecureHttp } from "@/domain/sso";

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

// A provider that does not answer within this is reported as unreachable, not waited on.
const DISCOVERY_TIMEOUT_SECONDS = 10;

/**
 * The provider's configuration from its discovery document (openid-client checks that the
 * document names the issuer we asked for). Fetched per flow: any instance can start or finish one,
 * and a provider's rotated keys or endpoints are picked up without a restart.
 */
export function discoverProvider(settings: ProviderSettings): Promise<oidc.Configuration> {
  return oidc.discovery(
    new URL(settings.issuer),
    settings.clientId,
    undefined,
    oidc.ClientSecretBasic(settings.clientSecret),
    {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      execute: allowsInsecureHttp(settings.issuer) ? [oidc.allowInsecureRequests] : [],
    },
  );
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Authorization code flow with PKCE (S256), a state and a nonce, all fresh for this attempt. */
export async function authorizationRequest(
  provider: oidc.Configuration,
  redirectUri: string,
  loginHint: string,
): Promise<AuthorizationRequest> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri,
    response_type: "code",
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    login_hint: loginHint,
  });
  return { url: url.href, state, nonce, codeVerifier };
}

export interface VerifiedClaims {
  subject: string;
  email: unknown;
  emailVerified: unknown;
  name: unknown;
}

/**
 * Exchanges the code (with the PKCE verifier) and verifies the ID token: signature, issuer,
 * audience, expiry, nonce and state, all by openid-client. Throws on any mismatch.
 */
export async function redeemAuthorizationCode(
  provider: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedClaims> {
  const tokens = await oidc.authorizationCodeGrant(provider, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("The provider returned no ID token");
  if (claims.email !== undefined) {
    return { subject: claims.sub, email: claims.email, emailVerified: claims.email_verified, name: claims.name };
  }
  // Conformant providers may put scope claims only in UserInfo; openid-client checks its subject.
  const info = await oidc.fetchUserInfo(provider, tokens.access_token, claims.sub);
  return { subject: claims.sub, email: info.email, emailVerified: info.email_verified, name: info.name };
}
