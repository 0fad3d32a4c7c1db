// The second factor (issue 10, decision 021) against the real database: sign-in leaves the session
// pending until a code, recovery code or passkey completes it; enrolment, reuse, recovery codes
// used once, throttling, the organisation's requirement and an admin's reset. Only the request's
// cookie jar is stood in for, as in user-sessions.test.ts.
import { describe, expect, it, vi } from "vitest";
import { totpCodeAt, totpStepAt } from "@/domain/second-factor";
import { currentSession, requireUser } from "@/server/auth/current-actor";
import { encodeSessionToken, nowSeconds } from "@/server/auth/session-token";
import { signInUser } from "@/server/auth/sign-in-user";
import { db } from "@/server/infra/db";
import { routeHandler } from "@/server/pipeline/route";
import { confirmTotpEnrolment } from "@/server/second-factor/confirm-totp-enrolment";
import { resetSecondFactor } from "@/server/second-factor/reset-second-factor";
import { setSecondFactorRequirement } from "@/server/second-factor/set-second-factor-requirement";
import { startTotpEnrolment } from "@/server/second-factor/start-totp-enrolment";
import { useRecoveryCode } from "@/server/second-factor/use-recovery-code";
import { verifyTotpCode } from "@/server/second-factor/verify-totp-code";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../../scripts/lib/demo-data";
import { TEST_META, actorFor, withSuperuser } from "./support";
import {
  SAM,
  JO,
  LEE,
  KIM,
  NORTHSHIRE_ADMIN as NORTH_ADMIN,
  RIVERSIDE_ADMIN as RIVER_ADMIN,
  DAN as RIVER_IG,
  AMY as RIVER_PRACTITIONER,
} from "./demo-people";

const jar = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  // No vouched token from the proxy (decision 029): the session is read from the cookie.
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) =>
      name === "next-auth.session-token" && jar.value !== undefined ? { name, value: jar.value } : undefined,
  }),
}));

const SECRET = process.env.NEXTAUTH_SECRET!;

/** Signs in with the password, as the form does, and puts the session's cookie in the jar. */
async function signInWithPassword(email: string) {
  const result = await signInUser({ email, password: DEMO_PASSWORD }, TEST_META);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const { user } = result;
  const claims = { sub: user.id, name: user.name, email, role: user.role, sv: user.sessionVersion };
  jar.value = await encodeSessionToken({ ...claims, sid: user.sessionId, authAt: nowSeconds() }, SECRET, 1800);
  return user;
}

async function auditEvents(userId: string, action: string) {
  return db().auditEvent.findMany({ where: { objectId: userId, action }, orderBy: { id: "asc" } });
}

const signedInOnly = routeHandler("signed-in", () => Response.json({ ok: true }));
const secondFactorRoute = routeHandler("password-verified", () => Response.json({ ok: true }));

describe("signing in with a second factor", () => {
  it("leaves the session pending after the password; pages and APIs refuse it until a code completes it", async () => {
    const user = await signInWithPassword(SAM);
    expect(user.secondFactor).toBe("verify");
    expect((await currentSession()).status).toBe("second-factor-pending");
    // Pages: requireUser sends the session to the second-factor step, not to the page.
    await expect(requireUser()).rejects.toMatchObject({ digest: expect.stringContaining("/second-factor") });
    // APIs: every route refuses it except the second-factor ones.
    expect((await signedInOnly(new Request("http://localhost/api/x"))).status).toBe(401);
    expect((await secondFactorRoute(new Request("http://localhost/api/y"))).status).toBe(200);

    const actor = await actorFor(SAM);
    const now = Date.now();
    const wrong = await verifyTotpCode(actor, user.sessionId, { code: "000000" }, TEST_META, now);
    const right = totpCodeAt(DEMO_TOTP_SECRET, now);
    if (right !== "000000") expect(wrong.ok).toBe(false);
    expect(await verifyTotpCode(actor, user.sessionId, { code: right }, TEST_META, now)).toEqual({ ok: true });
    expect((await currentSession()).status).toBe("signed-in");
    expect((await signedInOnly(new Request("http://localhost/api/x"))).status).toBe(200);

    const events = await auditEvents(actor.userId, "auth.second-factor");
    expect(events.map((e) => [e.outcome, e.detail])).toContainEqual(["SUCCESS", { method: "totp" }]);
  });

  it("refuses a code already used, even within its window, and audits why", async () => {
    const actor = await actorFor(JO);
    const now = Date.now() + 10 * 30_000; // a step no other test used
    const code = totpCodeAt(DEMO_TOTP_SECRET, now);
    const first = await signInWithPassword(JO);
    expect(await verifyTotpCode(actor, first.sessionId, { code }, TEST_META, now)).toEqual({ ok: true });
    const second = await signInWithPassword(JO);
    const again = await verifyTotpCode(actor, second.sessionId, { code }, TEST_META, now + 5_000);
    expect(again.ok).toBe(false);
    expect((await currentSession()).status).toBe("second-factor-pending");
    const failures = (await auditEvents(actor.userId, "auth.second-factor")).filter((e) => e.outcome === "FAILURE");
    expect(failures.at(-1)?.detail).toEqual({ method: "totp", reason: "reused" });
    const stored = await db().totpFactor.findUniqueOrThrow({ where: { userId: actor.userId } });
    expect(Number(stored.lastUsedStep)).toBe(totpStepAt(now));
  });

  it("throttles wrong codes like passwords: past the allowance even the right code waits", async () => {
    const user = await signInWithPassword(KIM);
    const actor = await actorFor(KIM);
    const now = Date.now();
    const right = totpCodeAt(DEMO_TOTP_SECRET, now);
    const wrong = right === "111111" ? "222222" : "111111";
    for (let i = 0; i < 5; i += 1) await verifyTotpCode(actor, user.sessionId, { code: wrong }, TEST_META, now);
    const refused = await verifyTotpCode(actor, user.sessionId, { code: right }, TEST_META, now);
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ field: "code", message: expect.stringMatching(/Too many/) }],
    });
    expect((await currentSession()).status).toBe("second-factor-pending");
  });
});

describe("enrolment, recovery codes and an admin's reset", () => {
  it("an admin's reset removes the factor, ends sessions; next sign-in must enrol; codes work once", async () => {
    const admin = await actorFor(NORTH_ADMIN);
    const lee = await actorFor(LEE);
    const open = await signInWithPassword(LEE);
    expect(await resetSecondFactor(admin, { userId: lee.userId }, TEST_META)).toEqual({ ok: true, name: lee.name });
    expect(await db().totpFactor.findUnique({ where: { userId: lee.userId } })).toBeNull();
    const ended = await db().userSession.findUniqueOrThrow({ where: { id: open.sessionId } });
    expect(ended.endReason).toBe("revoked");
    const [reset] = await auditEvents(lee.userId, "second-factor.reset");
    expect(reset).toMatchObject({ actorId: admin.userId, outcome: "SUCCESS" });

    // Northshire requires a second factor (the default): Lee must set one up before anything else.
    const user = await signInWithPassword(LEE);
    expect(user.secondFactor).toBe("enrol");
    expect((await currentSession()).status).toBe("second-factor-pending");
    const enrolment = await startTotpEnrolment(lee, user.sessionId);
    if (enrolment.status !== "pending") throw new Error(enrolment.status);
    expect(enrolment.qrSvg).toContain("<svg");
    const stored = await db().totpFactor.findUniqueOrThrow({ where: { userId: lee.userId } });
    expect(stored.secret).not.toContain(enrolment.secret);
    expect(stored.confirmedAt).toBeNull();

    const now = Date.now();
    const bad = await confirmTotpEnrolment(lee, user.sessionId, { code: "12345" }, TEST_META, now);
    expect(bad.ok).toBe(false);
    const good = await confirmTotpEnrolment(
      lee,
      user.sessionId,
      { code: totpCodeAt(enrolment.secret, now) },
      TEST_META,
      now,
    );
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    expect(good.recoveryCodes).toHaveLength(10);
    expect((await currentSession()).status).toBe("signed-in");
    const hashes = await db().recoveryCode.findMany({ where: { userId: lee.userId } });
    expect(hashes.map((h) => h.codeHash)).not.toContain(good.recoveryCodes[0]);
    const enrolments = await auditEvents(lee.userId, "second-factor.enrol");
    expect(enrolments.map((e) => e.outcome)).toEqual(["FAILURE", "SUCCESS"]);
    expect(enrolments[1]?.detail).toMatchObject({ method: "totp", recoveryCodes: 10, duringSignIn: true });

    // A recovery code signs in once, and says how many are left.
    const code = good.recoveryCodes[0]!;
    const again = await signInWithPassword(LEE);
    expect(again.secondFactor).toBe("verify");
    expect(await useRecoveryCode(lee, again.sessionId, { code: code.toUpperCase() }, TEST_META)).toEqual({
      ok: true,
      remaining: 9,
    });
    expect((await currentSession()).status).toBe("signed-in");
    const third = await signInWithPassword(LEE);
    expect((await useRecoveryCode(lee, third.sessionId, { code }, TEST_META)).ok).toBe(false);
    expect((await currentSession()).status).toBe("second-factor-pending");
    const uses = await auditEvents(lee.userId, "auth.second-factor");
    expect(uses.map((e) => [e.outcome, e.detail])).toEqual([
      ["SUCCESS", { method: "recovery-code", recoveryCodesLeft: 9 }],
      ["FAILURE", { method: "recovery-code", reason: "wrong-or-used" }],
    ]);

    // A session with only the password cannot add a factor beside the one Lee now has.
    expect(await startTotpEnrolment(lee, third.sessionId)).toEqual({ status: "verify-first" });
  });

  it("refuses an admin's reset of someone in another organisation, and audits the refusal", async () => {
    const admin = await actorFor(RIVER_ADMIN);
    const sam = await actorFor(SAM);
    const result = await resetSecondFactor(admin, { userId: sam.userId }, TEST_META);
    expect(result).toMatchObject({ ok: false, error: "not-found" });
    expect(await db().totpFactor.findUnique({ where: { userId: sam.userId } })).not.toBeNull();
    const refusal = await db().auditEvent.findFirst({
      where: { actorId: admin.userId, action: "access.denied", objectId: sam.userId },
    });
    expect(refusal).not.toBeNull();
  });
});

describe("who must use a second factor", () => {
  it("with the organisation's setting off, only admins and IG leads must enrol", async () => {
    const admin = await actorFor(RIVER_ADMIN);
    for (const email of [RIVER_PRACTITIONER, RIVER_IG]) {
      const person = await actorFor(email);
      await withSuperuser((c) => c.query("DELETE FROM totp_factor WHERE user_id = $1", [person.userId]));
    }
    expect(await setSecondFactorRequirement(admin, { requireSecondFactor: "no" }, TEST_META)).toEqual({
      ok: true,
      required: false,
    });
    const practitioner = await signInWithPassword(RIVER_PRACTITIONER);
    expect(practitioner.secondFactor).toBe("none");
    expect((await currentSession()).status).toBe("signed-in");
    const igLead = await signInWithPassword(RIVER_IG);
    expect(igLead.secondFactor).toBe("enrol");
    expect((await currentSession()).status).toBe("second-factor-pending");

    await setSecondFactorRequirement(admin, { requireSecondFactor: "yes" }, TEST_META);
    expect((await signInWithPassword(RIVER_PRACTITIONER)).secondFactor).toBe("enrol");
    const changes = await db().auditEvent.findMany({
      where: { actorId: admin.userId, action: "settings.change" },
      orderBy: { id: "asc" },
    });
    expect(changes.map((e) => e.detail)).toEqual([
      { before: { requireSecondFactor: true }, after: { requireSecondFactor: false } },
      { before: { requireSecondFactor: false }, after: { requireSecondFactor: true } },
    ]);
  });
});
