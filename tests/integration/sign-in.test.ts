import { describe, expect, it } from "vitest";
import { signInUser } from "@/server/auth/sign-in-user";
import { setUserAccess } from "@/server/set-user-access";
import { db } from "@/server/infra/db";
import { DEMO_PASSWORD } from "../../scripts/lib/demo-data";
import { TEST_META, actorFor } from "./support";

async function lastSignInEvent(email: string) {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return db().auditEvent.findFirstOrThrow({
    where: { objectId: user.id, action: "auth.sign-in" },
    orderBy: { id: "desc" },
  });
}

describe("signInUser", () => {
  it("signs in a demo user, case-insensitively, and audits it", async () => {
    const result = await signInUser({ email: "Sam.Patel@Northshire.example", password: DEMO_PASSWORD }, TEST_META);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({
      email: "sam.patel@northshire.example",
      role: "PRACTITIONER",
      sessionVersion: 0,
    });
    const event = await lastSignInEvent("sam.patel@northshire.example");
    expect(event).toMatchObject({
      outcome: "SUCCESS",
      actorRole: "PRACTITIONER",
      requestId: "test-request",
      ip: "127.0.0.1",
    });
  });

  it("refuses a wrong password with one message and records the failure without the address", async () => {
    const result = await signInUser({ email: "amy.chen@riverside.example", password: "wrong" }, TEST_META);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: "email", message: "Enter the email address and password for your InfoShare account" }],
    });
    const event = await lastSignInEvent("amy.chen@riverside.example");
    expect(event.outcome).toBe("FAILURE");
    expect(event.detail).toMatchObject({ reason: "wrong-password" });
    expect(JSON.stringify(event, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain("amy.chen");
  });

  it("gives an unknown address the same message as a wrong password", async () => {
    const result = await signInUser({ email: "nobody@example.gov.uk", password: "whatever" }, TEST_META);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: "Enter the email address and password for your InfoShare account" }],
    });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "auth.sign-in", actorId: null },
      orderBy: { id: "desc" },
    });
    expect(event.chainKey).toBe("system");
    expect(JSON.stringify(event.detail)).not.toContain("nobody");
  });

  it("throttles an account after five failures, even with the right password (decision 018)", async () => {
    for (let i = 0; i < 5; i += 1)
      await signInUser({ email: "tom.baker@riverside.example", password: `wrong-${i}` }, TEST_META);
    const result = await signInUser({ email: "tom.baker@riverside.example", password: DEMO_PASSWORD }, TEST_META);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("Too many failed attempts") }],
    });
  });

  it("validates input before touching the database", async () => {
    const result = await signInUser({ email: "", password: "", extra: "x" }, TEST_META);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(expect.arrayContaining(["email", "password", "_form"]));
  });
});

describe("setUserAccess", () => {
  it("disables a user, ends their sessions, refuses their sign-in, and re-enables them", async () => {
    const admin = await actorFor("admin@northshire.example");
    const target = await db().user.findUniqueOrThrow({ where: { email: "jo.williams@northshire.example" } });

    const disabled = await setUserAccess(admin, { userId: target.id, access: "disable" }, TEST_META);
    expect(disabled).toEqual({ ok: true, userId: target.id, name: "Jo Williams", access: "disable", self: false });
    const after = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.disabledAt).not.toBeNull();
    expect(after.sessionVersion).toBe(target.sessionVersion + 1);

    const signIn = await signInUser({ email: "jo.williams@northshire.example", password: DEMO_PASSWORD }, TEST_META);
    expect(signIn).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining("disabled") }] });

    expect(await setUserAccess(admin, { userId: target.id, access: "enable" }, TEST_META)).toMatchObject({ ok: true });
    const events = await db().auditEvent.findMany({
      where: { objectId: target.id, action: { in: ["user.disable", "user.enable"] } },
    });
    expect(events.map((e) => e.action).sort()).toEqual(["user.disable", "user.enable"]);
  });

  it("cannot reach a user in another organisation", async () => {
    const admin = await actorFor("admin@riverside.example");
    const target = await db().user.findUniqueOrThrow({ where: { email: "sam.patel@northshire.example" } });
    expect(await setUserAccess(admin, { userId: target.id, access: "disable" }, TEST_META)).toMatchObject({
      ok: false,
      error: "not-found",
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).disabledAt).toBeNull();
  });
});
