import { describe, expect, it } from "vitest";
import { VOUCHED_TOKEN_HEADER, vouchForToken, vouchedToken } from "./vouched-token";

const token = { sub: "5b0f6b3e-0000-4000-8000-000000000001", sid: "s", sv: 2, authAt: 100, exp: 4_000_000_000 };

describe("vouched session token (decoded once, in proxy.ts)", () => {
  it("gives the page the token the proxy decoded from this cookie", () => {
    expect(VOUCHED_TOKEN_HEADER).toMatch(/^x-/);
    expect(vouchedToken(vouchForToken(token, "cookie-a"), "cookie-a")).toEqual(token);
  });

  it("refuses a header for another cookie, an altered or made-up one, and an expired token", () => {
    const header = vouchForToken(token, "cookie-a");
    expect(vouchedToken(header, "cookie-b")).toBeNull();
    const [payload, mac] = header.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...token, sub: "someone-else" })).toString("base64url");
    expect(vouchedToken(`${forged}.${mac}`, "cookie-a")).toBeNull();
    expect(vouchedToken(`${payload}.${mac.slice(0, -2)}`, "cookie-a")).toBeNull();
    expect(vouchedToken(`${payload}`, "cookie-a")).toBeNull();
    expect(vouchedToken(null, "cookie-a")).toBeNull();
    expect(vouchedToken(vouchForToken({ ...token, exp: 1 }, "cookie-a"), "cookie-a")).toBeNull();
  });

  it("refuses a header made with another process's key", () => {
    const header = vouchForToken(token, "cookie-a");
    const holder = globalThis as Record<symbol, unknown>;
    const key = Symbol.for("infoshare.vouchedTokenKey");
    const mine = holder[key];
    try {
      delete holder[key]; // as if another process: a new random key
      expect(vouchedToken(header, "cookie-a")).toBeNull();
    } finally {
      holder[key] = mine;
    }
    expect(vouchedToken(header, "cookie-a")).toEqual(token);
  });
});
