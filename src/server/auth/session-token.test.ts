import { describe, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import { ABSOLUTE_SESSION_SECONDS, encodeSessionToken, idleAllowanceSeconds, sessionCookieName } from "./session-token";

const secret = "s".repeat(40);

describe("idleAllowanceSeconds", () => {
  it("gives the full idle allowance early in a session", () => {
    expect(idleAllowanceSeconds({ authAt: 1000 }, 1800, 1100)).toBe(1800);
  });
  it("never extends past the absolute session lifetime", () => {
    const now = 1000 + ABSOLUTE_SESSION_SECONDS - 60;
    expect(idleAllowanceSeconds({ authAt: 1000 }, 1800, now)).toBe(60);
    expect(idleAllowanceSeconds({ authAt: 1000 }, 1800, now + 120)).toBe(0);
  });
});

describe("encodeSessionToken", () => {
  it("round-trips the claims with a fresh expiry", async () => {
    const token = await encodeSessionToken({ sub: "u1", role: "IG_LEAD", sv: 3, authAt: 5, exp: 1 }, secret, 600);
    const decoded = await decode({ token, secret });
    expect(decoded).toMatchObject({ sub: "u1", role: "IG_LEAD", sv: 3, authAt: 5 });
    expect(Number(decoded?.exp)).toBeGreaterThan(Date.now() / 1000 + 590);
  });
  it("cannot be read with another secret", async () => {
    const token = await encodeSessionToken({ sub: "u1" }, secret, 600);
    await expect(decode({ token, secret: "t".repeat(40) })).rejects.toThrow();
  });
});

describe("sessionCookieName", () => {
  it("matches NextAuth's names", () => {
    expect(sessionCookieName(false)).toBe("next-auth.session-token");
    expect(sessionCookieName(true)).toBe("__Secure-next-auth.session-token");
  });
});
