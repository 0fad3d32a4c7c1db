// A real OpenID Connect provider for tests and the demo (decision 022): the certified
// `oidc-provider` package, on a loopback port, with its development sign-in pages (any login
// name, any password) standing in for an organisation's Entra ID or Google Workspace.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { sealSecret } from "../../../src/server/sso/secret-box";
import { withClient } from "./database";

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claims the provider gives for a login name: by default email = login, verified. */
  setAccount(login: string, claims: { email?: string; email_verified?: boolean; name?: string }): void;
  close(): Promise<void>;
}

export interface IdentityProviderOptions {
  redirectUris: string[];
  port?: number;
  clientId?: string;
  clientSecret?: string;
}

export async function startIdentityProvider(options: IdentityProviderOptions): Promise<TestIdentityProvider> {
  const accounts = new Map<string, { email?: string; email_verified?: boolean; name?: string }>();
  const clientId = options.clientId ?? "infoshare";
  const clientSecret = options.clientSecret ?? "infoshare-test-client-secret";
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    // Lifetimes in seconds, set so oidc-provider does not warn about its defaults.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: true } },
    async findAccount(_context: unknown, login: string) {
      const account = accounts.get(login) ?? {};
      return {
        accountId: login,
        claims: async () => ({
          sub: login,
          email: "email" in account ? account.email : login,
          email_verified: account.email_verified ?? true,
          name: account.name ?? `Test ${login}`,
        }),
      };
    },
  });
  // oidc-provider logs server errors through its own events; the tests see them as failed flows.
  provider.on("server_error", (_context, error) => console.error("[identity provider]", error));
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (login, claims) => accounts.set(login, claims),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Walks the provider's own pages as a browser would (cookies kept, redirects followed by hand):
 * from InfoShare's authorization URL, through sign-in as `login` and consent, to the redirect back.
 * Returns the URL the provider sends the browser to (InfoShare's callback with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = (pair ?? "").indexOf("=");
      if (index > 0) jar.set(pair!.slice(0, index).trim(), pair!.slice(index + 1));
    }
  };
  let url = new URL(authorizationUrl);
  let body: URLSearchParams | null = null;
  for (let hop = 0; hop < 20; hop += 1) {
    const response: Response = await fetch(url, {
      method: body ? "POST" : "GET",
      redirect: "manual",
      headers: { cookie: cookieHeader(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      body,
    });
    remember(response);
    body = null;
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== new URL(authorizationUrl).origin) return next;
      url = next;
      continue;
    }
    const html: string = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt: string | undefined = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt)
      throw new Error(`identity provider page without a form (${response.status}): ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, "&"), url);
    body = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
  }
  throw new Error("identity provider: too many steps");
}

/**
 * Points an organisation's single sign-on at `provider` (as its admin's page would save it), for
 * the browser tests and the demo: the client secret sealed with `encryptionKey`, as the app seals it.
 */
export async function configureOrganisationSso(
  ownerUrl: string,
  organisationName: string,
  provider: Pick<TestIdentityProvider, "issuer" | "clientId" | "clientSecret">,
  encryptionKey: string,
  domains: string[],
): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ id: string }>("SELECT id FROM organisation WHERE name = $1", [
      organisationName,
    ]);
    const organisationId = rows[0]?.id;
    if (!organisationId) throw new Error(`no organisation ${organisationName}`);
    await client.query(
      `INSERT INTO organisation_sso (organisation_id, issuer, client_id, client_secret_encrypted)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id) DO UPDATE SET issuer = $2, client_id = $3, client_secret_encrypted = $4`,
      [
        organisationId,
        provider.issuer,
        provider.clientId,
        sealSecret(provider.clientSecret, encryptionKey, organisationId),
      ],
    );
    for (const domain of domains) {
      await client.query(
        `INSERT INTO sso_email_domain (domain, organisation_id) VALUES ($1, $2)
         ON CONFLICT (domain) DO UPDATE SET organisation_id = $2`,
        [domain, organisationId],
      );
    }
  });
}
