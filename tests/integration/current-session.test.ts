// currentSession against the real database: who the session cookie names, checked on every request
// (revocation), in one query with the header's unread count. Only the request's cookie jar is
// stood in for; the token is NextAuth's own, made the way the sign-in action makes it.
import { decode } from "next-auth/jwt";
import { afterAll, describe, expect, it, vi } from "vitest";
import { currentSession } from "@/server/auth/current-actor";
import {
  ABSOLUTE_SESSION_SECONDS,
  encodeSessionToken,
  nowSeconds,
  sessionCookieName,
} from "@/server/auth/session-token";
import { VOUCHED_TOKEN_HEADER, vouchForToken } from "@/server/auth/vouched-token";
import { db } from "@/server/infra/db";
import { actorFor, withSuperuser } from "./support";
import { ALEX, JO, KIM } from "./demo-people";

const jar = vi.hoisted(() => ({ value: undefined as string | undefined, headers: {} as Record<string, string> }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === "next-auth.session-token" && jar.value !== undefined ? { name, value: jar.value } : undefined,
  }),
  headers: async () => new Headers(jar.headers),
}));

const SECRET = process.env.NEXTAUTH_SECRET!;

async function signedInAs(email: string, claims: { sv?: number; authAt?: number } = {}): Promise<void> {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  // The open session record a sign-in makes (decision 018).
  const { id: sid } = await db().userSession.create({ data: { userId: user.id }, select: { id: true } });
  const sv = claims.sv ?? user.sessionVersion;
  const authAt = claims.authAt ?? nowSeconds();
  const claimSet = { sub: user.id, name: user.name, email, role: user.role, sv, sid, authAt };
  jar.value = await encodeSessionToken(claimSet, SECRET, 30 * 60);
}
afterAll(async () => {
  await withSuperuser((client) => client.query("UPDATE app_user SET disabled_at = NULL WHERE email = $1", [JO]));
});

describe("currentSession", () => {
  it("uses the cookie NextAuth names for a non-https site", () => {
    expect(sessionCookieName(false)).toBe("next-auth.session-token");
  });

  it("is signed out without a cookie, or with one that is not a token", async () => {
    jar.value = undefined;
    expect(await currentSession()).toEqual({ status: "signed-out" });
    jar.value = "not-a-token";
    expect(await currentSession()).toEqual({ status: "signed-out" });
  });

  it("names the user, organisation and team from the database, with their unread notifications", async () => {
    const alex = await actorFor(ALEX);
    await withSuperuser(async (client) => {
      await client.query("UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL", [
        alex.userId,
      ]);
      await client.query(
        `INSERT INTO notification (id, user_id, kind)
         VALUES (gen_random_uuid(), $1, 'REVIEW_REQUESTED'), (gen_random_uuid(), $1, 'REVIEW_REQUESTED')`,
        [alex.userId],
      );
    });
    await signedInAs(ALEX);
    const session = await currentSession();
    expect(session).toEqual({ status: "signed-in", user: alex, unreadNotifications: 2 });
    expect(session.status === "signed-in" && session.user.teamName).toBeTruthy();
  });

  it("refuses a token whose session version is out of date, or whose user is disabled", async () => {
    await signedInAs(JO, { sv: 99 });
    expect(await currentSession()).toEqual({ status: "revoked" });
    await signedInAs(JO);
    expect((await currentSession()).status).toBe("signed-in");
    await withSuperuser((client) => client.query("UPDATE app_user SET disabled_at = now() WHERE email = $1", [JO]));
    expect(await currentSession()).toEqual({ status: "revoked" });
  });

  it("is signed out once the session has outlived its absolute lifetime, however active", async () => {
    await signedInAs(ALEX, { authAt: nowSeconds() - ABSOLUTE_SESSION_SECONDS - 1 });
    expect(await currentSession()).toEqual({ status: "signed-out" });
  });
});

describe("currentSession with the token proxy.ts decoded (decision 029)", () => {
  afterAll(() => {
    jar.headers = {};
  });

  it("takes the claims the proxy vouched for this cookie, and ignores a header for another", async () => {
    await signedInAs(KIM);
    const kim = await actorFor(KIM);
    const alex = await actorFor(ALEX);
    const kimCookie = jar.value!;
    const kimToken = (await decode({ token: kimCookie, secret: SECRET }))!;
    jar.headers = { [VOUCHED_TOKEN_HEADER]: vouchForToken(kimToken, kimCookie) };
    expect(await currentSession()).toMatchObject({ status: "signed-in", user: kim });

    // Kim's cookie with a header vouching for Alex's claims (and Alex's cookie): the HMAC covers the
    // cookie, so the page decodes the cookie itself and finds Kim.
    await signedInAs(ALEX);
    const alexToken = (await decode({ token: jar.value!, secret: SECRET }))!;
    jar.headers = { [VOUCHED_TOKEN_HEADER]: vouchForToken(alexToken, jar.value!) };
    jar.value = kimCookie;
    expect(await currentSession()).toMatchObject({ status: "signed-in", user: kim });
    jar.headers = { [VOUCHED_TOKEN_HEADER]: "forged.header" };
    expect(await currentSession()).toMatchObject({ status: "signed-in", user: kim });
    expect(alex.userId).not.toBe(kim.userId);
  });
});
