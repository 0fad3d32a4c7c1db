import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("give a strict, nonced CSP that forbids framing, and a fresh nonce each time", () => {
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    const csp = contentSecurityPolicy(nonce);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  });

  it("send HSTS only over HTTPS, and no-store always", () => {
    expect(securityHeaders("n", true)["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders("n", false)).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders("n", false)["Cache-Control"]).toBe("no-store");
  });
});
