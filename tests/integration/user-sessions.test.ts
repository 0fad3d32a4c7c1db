// Sessions that really end (issue 10, decision 018), against the real database and NextAuth's own
// request handler (next-auth/core's AuthHandler, what /api/auth/* runs). Only the request's cookie
// jar is stood in for, as in current-session.test.ts.
import { createRequire } from "node:module";
import path from "node:path";
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { currentSession } from "@/server/auth/current-actor";
import { endUserSession } from "@/server/auth/end-user-session";
import { endOtherSession } from "@/server/auth/end-other-session";
import { listMySessions } from "@/server/auth/list-my-sessions";
import { db } from "@/server/infra/db";
import { authOptions } from "@/server/auth/options";
import { encodeSessionToken, nowSeconds } from "@/server/auth/session-token";
import { signInUser } from "@/server/auth/sign-in-user";
import { setUserAccess } from "@/server/set-user-access";
import { DEMO_PASSWORD } from "../../scripts/lib/demo-data";
import { TEST_META, actorFor, withSuperuser } from "./support";
import { SAM, LEE } from "./demo-people";

const jar = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === "next-auth.session-token" && jar.value !== undefined ? { name, value: jar.value } : undefined,
  }),
  headers: async () => new Headers(), // no token vouched for by proxy.ts: the page decodes the cookie
}));

// next-auth does not export ./core, but its route handler is a thin wrapper over this function.
interface AuthResponse {
  body?: unknown;
  cookies?: { name: string; value: string }[];
}
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<AuthResponse>;
};

const SECRET = process.env.NEXTAUTH_SECRET!;
const IDLE_SECONDS = Number(process.env.SESSION_IDLE_MINUTES ?? 30) * 60;
const HOST = { host: "localhost:3000" };
const COOKIE = "next-auth.session-token";

/** Signs in through the use case and returns the cookie the sign-in action would set. */
async function signInCookie(email: string): Promise<{ cookie: string; sessionId: string; userId: string }> {
  const result = await signInUser({ email, password: DEMO_PASSWORD }, TEST_META);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const { user } = result;
  // These tests are about the session record, not the second factor (second-factor.test.ts):
  // the demo accounts have one, so the session is given it as the code form would (decision 021).
  await withSuperuser((c) =>
    c.query("UPDATE user_session SET second_factor_pending = false WHERE id = $1", [user.sessionId]),
  );
  const claims = { sub: user.id, name: user.name, email, role: user.role, sv: user.sessionVersion };
  const token = { ...claims, sid: user.sessionId, authAt: nowSeconds() };
  const cookie = await encodeSessionToken(token, SECRET, IDLE_SECONDS);
  return { cookie, sessionId: user.sessionId, userId: user.id };
}

/** /api/auth/session as NextAuth answers it for a request carrying `cookie`. */
async function authSession(cookie: string) {
  return AuthHandler({
    req: { action: "session", method: "GET", headers: HOST, cookies: { [COOKIE]: cookie }, query: {}, body: {} },
    options: authOptions(),
  });
}

describe("a session record", () => {
  it("is opened at sign-in and its cookie is signed in", async () => {
    const { cookie, sessionId } = await signInCookie(SAM);
    jar.value = cookie;
    expect((await currentSession()).status).toBe("signed-in");
    const rows = await withSuperuser((c) => c.query("SELECT ended_at FROM user_session WHERE id = $1", [sessionId]));
    expect(rows.rows).toEqual([{ ended_at: null }]);
  });

  it("refuses a copied cookie after sign-out, on the server", async () => {
    const { cookie, sessionId, userId } = await signInCookie(SAM);
    jar.value = cookie;
    expect((await currentSession()).status).toBe("signed-in");
    expect(await endUserSession(userId, sessionId, "sign-out")).toBe(true);
    // The copy still decodes and has not expired: only the server-side record says no.
    expect(await decode({ token: cookie, secret: SECRET })).toMatchObject({ sid: sessionId });
    expect(await currentSession()).toEqual({ status: "revoked" });
  });

  it("refuses a token without a session record (minted before records existed, or forged claims)", async () => {
    const { userId } = await signInCookie(SAM);
    jar.value = await encodeSessionToken({ sub: userId, sv: 0, authAt: nowSeconds() }, SECRET, IDLE_SECONDS);
    expect(await currentSession()).toEqual({ status: "revoked" });
  });

  it("is refused once idle for longer than the limit, whatever the token's own expiry", async () => {
    const { cookie, sessionId } = await signInCookie(SAM);
    jar.value = cookie;
    await withSuperuser((c) =>
      c.query("UPDATE user_session SET last_seen_at = now() - make_interval(secs => $2) WHERE id = $1", [
        sessionId,
        IDLE_SECONDS + 5,
      ]),
    );
    expect(await currentSession()).toEqual({ status: "revoked" });
  });

  it("ends with deactivation, and the list of open sessions shows it", async () => {
    const admin = await actorFor("admin@northshire.example");
    const { cookie, sessionId, userId } = await signInCookie("jo.williams@northshire.example");
    expect(await setUserAccess(admin, { userId, access: "disable" }, TEST_META)).toMatchObject({ ok: true });
    jar.value = cookie;
    expect(await currentSession()).toEqual({ status: "revoked" });
    const rows = await withSuperuser((c) => c.query("SELECT end_reason FROM user_session WHERE id = $1", [sessionId]));
    expect(rows.rows).toEqual([{ end_reason: "revoked" }]);
    await setUserAccess(admin, { userId, access: "enable" }, TEST_META);
  });
});

describe("NextAuth's own routes", () => {
  it("issue a token from /api/auth/callback/credentials that expires after the idle limit", async () => {
    const options = authOptions();
    const csrf = await AuthHandler({
      req: { action: "csrf", method: "GET", headers: HOST, cookies: {}, query: {}, body: {} },
      options,
    });
    const csrfCookie = csrf.cookies?.find((c) => c.name === "next-auth.csrf-token");
    const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
    expect(csrfCookie && csrfToken).toBeTruthy();

    const signedIn = await AuthHandler({
      req: {
        action: "callback",
        providerId: "credentials",
        method: "POST",
        headers: HOST,
        cookies: { "next-auth.csrf-token": csrfCookie!.value },
        query: {},
        body: { csrfToken, email: SAM, password: DEMO_PASSWORD, json: "true" },
      },
      options,
    });
    const session = signedIn.cookies?.find((c) => c.name === COOKIE);
    expect(session?.value).toBeTruthy();
    const token = await decode({ token: session!.value, secret: SECRET });
    expect(token?.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(token!.exp) - nowSeconds()).toBeLessThanOrEqual(IDLE_SECONDS);

    // And the token is checked as every page checks it: a password alone, through NextAuth's own
    // route too, leaves the session waiting for the demo account's second factor (decision 021).
    jar.value = session!.value;
    expect(token?.sfp).toBe(true);
    expect((await currentSession()).status).toBe("second-factor-pending");
  });

  it("answer nothing from /api/auth/session for a revoked token", async () => {
    const { cookie, sessionId, userId } = await signInCookie(SAM);
    const live = await authSession(cookie);
    expect(live.body).toMatchObject({ user: { email: SAM } });

    await endUserSession(userId, sessionId, "sign-out");
    const revoked = await authSession(cookie);
    expect(revoked.body).toEqual({});
    expect(JSON.stringify(revoked)).not.toContain(SAM);
  });
});

describe("a person's own sessions", () => {
  it("are listed, this one first, and another can be ended so its cookie is refused", async () => {
    const here = await signInCookie(LEE);
    const elsewhere = await signInCookie(LEE);
    const user = await actorFor(LEE);

    const listed = await listMySessions(user, here.sessionId);
    expect(listed[0]).toMatchObject({ id: here.sessionId, current: true });
    expect(listed.map((s) => s.id)).toContain(elsewhere.sessionId);

    // Not the current one (that is signing out), not someone else's, not a made-up id.
    expect(await endOtherSession(user, { sessionId: here.sessionId }, here.sessionId, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });
    const other = await signInCookie("ruth.okafor@riverside.example");
    expect(await endOtherSession(user, { sessionId: other.sessionId }, here.sessionId, TEST_META)).toMatchObject({
      ok: false,
      error: "not-found",
    });
    expect(await endOtherSession(user, { sessionId: "nope" }, here.sessionId, TEST_META)).toMatchObject({ ok: false });

    expect(await endOtherSession(user, { sessionId: elsewhere.sessionId }, here.sessionId, TEST_META)).toEqual({
      ok: true,
      ended: elsewhere.sessionId,
    });
    jar.value = elsewhere.cookie;
    expect(await currentSession()).toEqual({ status: "revoked" });
    jar.value = here.cookie;
    expect((await currentSession()).status).toBe("signed-in");
    expect((await listMySessions(user, here.sessionId)).map((s) => s.id)).not.toContain(elsewhere.sessionId);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "auth.session-end" },
      orderBy: { id: "desc" },
    });
    const detail = { sessionId: elsewhere.sessionId };
    expect(event).toMatchObject({ actorId: user.userId, outcome: "SUCCESS", detail });
  });
});
