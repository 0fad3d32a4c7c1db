import { describe, expect, it } from "vitest";
import { checkTotpCode, newTotpSecret, totpCodeAt, totpStepAt, totpUri } from "./totp";

// RFC 6238 appendix B's SHA-1 seed, "12345678901234567890", in base32.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP codes", () => {
  it("matches RFC 6238's SHA-1 test vectors (last six digits)", () => {
    expect(totpCodeAt(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCodeAt(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
    expect(totpCodeAt(RFC_SECRET, 1_234_567_890_000)).toBe("005924");
  });

  it("accepts the current step and one either side, and nothing further", () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = totpStepAt(now);
    for (const delta of [-1, 0, 1]) {
      const code = totpCodeAt(secret, now + delta * 30_000);
      expect(checkTotpCode(secret, code, null, now)).toEqual({ ok: true, step: step + delta });
    }
    for (const delta of [-3, -2, 2, 3]) {
      const code = totpCodeAt(secret, now + delta * 30_000);
      // A code from further away can equal one inside the window by chance (1 in 10^6 per step).
      const inWindow = [-1, 0, 1].some((d) => totpCodeAt(secret, now + d * 30_000) === code);
      if (!inWindow) expect(checkTotpCode(secret, code, null, now)).toEqual({ ok: false, reason: "wrong" });
    }
  });

  it("refuses a code whose step was already used, and an earlier step after a later one", () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const code = totpCodeAt(secret, now);
    const first = checkTotpCode(secret, code, null, now);
    expect(first.ok).toBe(true);
    const usedStep = first.ok ? first.step : -1;
    expect(checkTotpCode(secret, code, usedStep, now + 5_000)).toEqual({ ok: false, reason: "reused" });
    const earlier = totpCodeAt(secret, now - 30_000);
    expect(checkTotpCode(secret, earlier, usedStep, now)).toEqual({ ok: false, reason: "reused" });
    const later = totpCodeAt(secret, now + 30_000);
    expect(checkTotpCode(secret, later, usedStep, now + 30_000)).toEqual({ ok: true, step: usedStep + 1 });
  });

  it("allows spaces and hyphens and refuses anything but six digits", () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const code = totpCodeAt(secret, now);
    expect(checkTotpCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now).ok).toBe(true);
    expect(checkTotpCode(secret, "12345", null, now)).toEqual({ ok: false, reason: "malformed" });
    expect(checkTotpCode(secret, "abcdef", null, now)).toEqual({ ok: false, reason: "malformed" });
  });

  it("makes an otpauth URI apps can scan", () => {
    const uri = totpUri(RFC_SECRET, "sam@example.org");
    expect(uri).toMatch(/^otpauth:\/\/totp\/InfoShare:sam%40example\.org\?/);
    expect(uri).toContain(`secret=${RFC_SECRET}`);
    expect(uri).toContain("issuer=InfoShare");
  });
});
