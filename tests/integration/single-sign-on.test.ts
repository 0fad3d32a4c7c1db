// Single sign-on against a real OpenID provider (decision 022): the certified oidc-provider
// package, started here on a loopback port, walked through its own sign-in and consent pages.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type TestIdentityProvider,
  signInAtProvider,
  startIdentityProvider,
} from "../../scripts/lib/harness/identity-provider";
import { inviteUser } from "@/server/accounts/invite-user";
import { signInUser } from "@/server/auth/sign-in-user";
import { db } from "@/server/infra/db";
import { finishSsoSignIn } from "@/server/sso/finish-sso-sign-in";
import { saveSsoConfiguration } from "@/server/sso/save-sso-configuration";
import { startSsoSignIn } from "@/server/sso/start-sso-sign-in";
import { testSsoConnection } from "@/server/sso/test-sso-connection";
import { TEST_META, actorFor, withSuperuser } from "./support";
import { RIVERSIDE_ADMIN as ADMIN } from "./demo-people";

const APP_ORIGIN = "http://127.0.0.1:3999";
// Read lazily by env() on first use, after this module's body has run.
process.env.NEXTAUTH_URL = APP_ORIGIN;
process.env.SSO_ENCRYPTION_KEY = randomBytes(32).toString("base64");

const PASSWORD = "InfoShare-demo-2026";
let provider: TestIdentityProvider;

async function configure(overrides: Record<string, string> = {}) {
  const result = await saveSsoConfiguration(
    await actorFor(ADMIN),
    {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      domains: "riverside.example",
      joinRole: "PRACTITIONER",
      ...overrides,
    },
    TEST_META,
  );
  expect(result).toEqual({ ok: true });
}

/** The whole browser round trip: email first, the provider's pages, then InfoShare's callback. */
async function ssoSignIn(email: string, login = email) {
  const started = await startSsoSignIn({ email });
  if (!started.ok) throw new Error(JSON.stringify(started.errors));
  const callback = await signInAtProvider(started.url, login);
  expect(callback.origin + callback.pathname).toBe(`${APP_ORIGIN}/sso/callback`);
  return { started, callback, result: await finishSsoSignIn(callback, started.state, TEST_META) };
}

async function lastSignInEvent() {
  return db().auditEvent.findFirstOrThrow({ where: { action: "auth.sign-in" }, orderBy: { id: "desc" } });
}

beforeAll(async () => {
  provider = await startIdentityProvider({ redirectUris: [`${APP_ORIGIN}/sso/callback`] });
  await configure();
});

afterAll(async () => {
  await provider?.close();
});

describe("single sign-on configuration", () => {
  it("stores the client secret sealed, never shows or audits it, and reaches the provider", async () => {
    const stored = await withSuperuser(async (client) => {
      const { rows } = await client.query("SELECT client_secret_encrypted FROM organisation_sso");
      return rows[0].client_secret_encrypted as string;
    });
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(provider.clientSecret);
    const configured = await db().auditEvent.findFirstOrThrow({ where: { action: "sso.configure" } });
    expect(JSON.stringify(configured.detail)).not.toContain(provider.clientSecret);
    expect(configured.detail).toMatchObject({ after: { clientSecretSet: true, domains: ["riverside.example"] } });

    const tested = await testSsoConnection(await actorFor(ADMIN), TEST_META);
    expect(tested).toEqual({ ok: true, authorizationEndpoint: `${provider.issuer}/auth` });
  });

  it("refuses a domain another organisation signs in with, and a break-glass admin who is not one", async () => {
    const northshire = await saveSsoConfiguration(
      await actorFor("admin@northshire.example"),
      { issuer: provider.issuer, clientId: "x", clientSecret: "y", domains: "riverside.example" },
      TEST_META,
    );
    expect(northshire).toMatchObject({ ok: false, error: "conflict", errors: [{ field: "domains" }] });
    const breakGlass = await saveSsoConfiguration(
      await actorFor(ADMIN),
      {
        issuer: provider.issuer,
        clientId: "x",
        domains: "riverside.example",
        enforced: "yes",
        breakGlassEmail: "tom.baker@riverside.example",
      },
      TEST_META,
    );
    expect(breakGlass).toMatchObject({ ok: false, errors: [{ field: "breakGlassEmail" }] });
  });
});

describe("signing in through the organisation's provider", () => {
  it("opens a session for an existing user, audited, exactly as a password sign-in does", async () => {
    const { result } = await ssoSignIn("tom.baker@riverside.example");
    expect(result).toMatchObject({ ok: true, user: { email: "tom.baker@riverside.example", role: "PRACTITIONER" } });
    if (!result.ok) return;
    const session = await db().userSession.findUniqueOrThrow({ where: { id: result.user.sessionId } });
    expect(session).toMatchObject({ userId: result.user.id, endedAt: null });
    expect(await lastSignInEvent()).toMatchObject({
      outcome: "SUCCESS",
      actorId: result.user.id,
      detail: { method: "sso", sessionId: session.id, joined: false },
    });
  });

  it("finishes a flow once only, and only in the browser that started it", async () => {
    const { started, callback } = await ssoSignIn("amy.chen@riverside.example");
    const replay = await finishSsoSignIn(callback, started.state, TEST_META);
    expect(replay).toMatchObject({ ok: false, reason: "flow-expired" });

    const other = await startSsoSignIn({ email: "amy.chen@riverside.example" });
    if (!other.ok) throw new Error("start failed");
    const otherCallback = await signInAtProvider(other.url, "amy.chen@riverside.example");
    expect(await finishSsoSignIn(otherCallback, "someone-elses-state", TEST_META)).toMatchObject({
      ok: false,
      reason: "state-mismatch",
    });
  });

  it("refuses an email the provider has not verified, and one outside the allowed domains, audited", async () => {
    provider.setAccount("unverified", { email: "amy.chen@riverside.example", email_verified: false });
    const unverified = await ssoSignIn("amy.chen@riverside.example", "unverified");
    expect(unverified.result).toMatchObject({ ok: false, reason: "email-not-verified" });
    expect(await lastSignInEvent()).toMatchObject({
      outcome: "FAILURE",
      detail: { method: "sso", reason: "email-not-verified" },
    });

    provider.setAccount("outsider", { email: "amy.chen@elsewhere.example" });
    const outsider = await ssoSignIn("amy.chen@riverside.example", "outsider");
    expect(outsider.result).toMatchObject({ ok: false, reason: "domain-not-allowed" });
  });

  it("refuses a person with no account unless the organisation lets people join by domain", async () => {
    const email = "new.teacher@riverside.example";
    expect((await ssoSignIn(email)).result).toMatchObject({ ok: false, reason: "not-invited" });
    expect(await db().user.findUnique({ where: { email } })).toBeNull();

    await configure({ allowJoinByDomain: "yes", joinRole: "SUPERVISOR" });
    const joined = (await ssoSignIn(email)).result;
    expect(joined).toMatchObject({ ok: true, user: { email, role: "SUPERVISOR" } });
    expect(await lastSignInEvent()).toMatchObject({ outcome: "SUCCESS", detail: { method: "sso", joined: true } });
    await configure();
  });

  it("accepts a pending invitation at the first sign-on: its role and team, the invitation used, audited", async () => {
    const email = "new.supervisor@riverside.example";
    const admin = await actorFor(ADMIN);
    const team = await db().team.findFirstOrThrow({ where: { organisationId: admin.organisationId } });
    const invited = await inviteUser(
      admin,
      { name: "Noor Invited", email, role: "SUPERVISOR", teamId: team.id },
      TEST_META,
    );
    if (!invited.ok) throw new Error(JSON.stringify(invited));

    const { result } = await ssoSignIn(email);
    expect(result).toMatchObject({ ok: true, user: { email, role: "SUPERVISOR", teamId: team.id } });
    if (!result.ok) return;
    const invitation = await db().invitation.findUniqueOrThrow({ where: { id: invited.invitationId } });
    expect(invitation.acceptedAt).not.toBeNull();
    expect(invitation.acceptedUserId).toBe(result.user.id);
    const accepted = await db().auditEvent.findFirstOrThrow({
      where: { action: "invitation.accept", objectId: invited.invitationId },
    });
    expect(accepted).toMatchObject({
      outcome: "SUCCESS",
      actorId: result.user.id,
      organisationId: admin.organisationId,
      detail: { userId: result.user.id, role: "SUPERVISOR", teamId: team.id, via: "sso" },
    });
    expect(await lastSignInEvent()).toMatchObject({ outcome: "SUCCESS", detail: { method: "sso", joined: true } });
    // The next sign-on is an existing account's; the used invitation changes nothing.
    expect((await ssoSignIn(email)).result).toMatchObject({ ok: true, user: { id: result.user.id } });
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("does not let in an expired or revoked invitation, nor another organisation's", async () => {
    const riverside = await actorFor(ADMIN);
    const northshire = await actorFor("admin@northshire.example");
    const cases = [
      {
        email: "expired.invite@riverside.example",
        admin: riverside,
        change: "expires_at = now() - interval '1 minute'",
      },
      { email: "revoked.invite@riverside.example", admin: riverside, change: "revoked_at = now()" },
      { email: "elsewhere.invite@riverside.example", admin: northshire, change: null },
    ];
    for (const { email, admin, change } of cases) {
      const invited = await inviteUser(admin, { name: "Not Yet", email, role: "ADMIN", teamId: "" }, TEST_META);
      if (!invited.ok) throw new Error(JSON.stringify(invited));
      if (change) {
        await withSuperuser((client) =>
          client.query(`UPDATE invitation SET ${change} WHERE id = $1`, [invited.invitationId]),
        );
      }
      expect((await ssoSignIn(email)).result, email).toMatchObject({ ok: false, reason: "not-invited" });
      expect(await db().user.findUnique({ where: { email } })).toBeNull();
      const invitation = await db().invitation.findUniqueOrThrow({ where: { id: invited.invitationId } });
      expect(invitation.acceptedAt).toBeNull();
    }
  });

  it("refuses a disabled account", async () => {
    const email = "amy.chen@riverside.example";
    await withSuperuser((client) => client.query("UPDATE app_user SET disabled_at = now() WHERE email = $1", [email]));
    expect((await ssoSignIn(email)).result).toMatchObject({ ok: false, reason: "account-disabled" });
    await withSuperuser((client) => client.query("UPDATE app_user SET disabled_at = NULL WHERE email = $1", [email]));
  });
});

describe("enforced single sign-on", () => {
  it("refuses passwords for the organisation's people, except the break-glass admin's", async () => {
    await configure({ enforced: "yes", breakGlassEmail: ADMIN });
    const practitioner = await signInUser({ email: "dan.hughes@riverside.example", password: PASSWORD }, TEST_META);
    expect(practitioner).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/own account/) }] });
    expect(await lastSignInEvent()).toMatchObject({ outcome: "FAILURE", detail: { reason: "sso-enforced" } });
    expect(await signInUser({ email: ADMIN, password: PASSWORD }, TEST_META)).toMatchObject({ ok: true });
    // Another organisation's people are untouched.
    expect(await signInUser({ email: "sam.patel@northshire.example", password: PASSWORD }, TEST_META)).toMatchObject({
      ok: true,
    });
    // And single sign-on still works for them.
    expect((await ssoSignIn("dan.hughes@riverside.example")).result).toMatchObject({ ok: true });
    await configure();
  });
});
