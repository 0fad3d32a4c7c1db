import { describe, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import {
  ABSOLUTE_SESSION_SECONDS,
  RENEWAL_SLACK_SECONDS,
  encodeSessionToken,
  idleAllowanceSeconds,
  renewalDue,
  renewedCookieSeconds,
  sessionCookieName,
} from "./session-token";

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

describe("renewalDue and renewedCookieSeconds (proxy.ts re-issues the cookie only when it must)", () => {
  const idle = 1800;
  it("re-issues a cookie that would not outlive the idle limit from now", () => {
    // Issued at sign-in for exactly the idle limit: due at the next request.
    expect(renewalDue({ authAt: 1000, exp: 1000 + idle }, idle, 1001)).toBe(true);
    // Re-issued by the proxy with the slack: not due until the slack has passed.
    const exp = 2000 + idle + RENEWAL_SLACK_SECONDS;
    expect(renewalDue({ authAt: 1000, exp }, idle, 2000 + RENEWAL_SLACK_SECONDS - 1)).toBe(false);
    expect(renewalDue({ authAt: 1000, exp }, idle, 2000 + RENEWAL_SLACK_SECONDS + 1)).toBe(true);
    expect(renewalDue({ authAt: 1000 }, idle, 2000)).toBe(true);
  });
  it("always leaves the cookie at least the idle allowance after any request", () => {
    for (let now = 1000; now < 1000 + 600; now += 7) {
      let exp = 1000 + idle; // as sign-in issues it
      for (let t = 1000; t <= now; t += 13) {
        if (renewalDue({ authAt: 1000, exp }, idle, t)) exp = t + renewedCookieSeconds({ authAt: 1000 }, idle, t);
        expect(exp - t).toBeGreaterThanOrEqual(idleAllowanceSeconds({ authAt: 1000 }, idle, t));
        expect(exp - t).toBeLessThanOrEqual(idle + RENEWAL_SLACK_SECONDS);
      }
    }
  });
  it("never re-issues past the absolute lifetime, nor again and again near its end", () => {
    const end = 1000 + ABSOLUTE_SESSION_SECONDS;
    expect(renewedCookieSeconds({ authAt: 1000 }, idle, end - 100)).toBe(100);
    expect(renewalDue({ authAt: 1000, exp: end }, idle, end - 100)).toBe(false);
  });
});
