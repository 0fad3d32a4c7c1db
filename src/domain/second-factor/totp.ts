// Time-based one-time passwords (RFC 6238) as authenticator apps make them: SHA-1, 6 digits, 30 s.
// The HMAC itself is otpauth's; what is ours is the window and the rule that a code is used once.
import { timingSafeEqual } from "node:crypto";
import { HOTP, Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that are still accepted: a phone's clock may be 30 s out. */
export const TOTP_WINDOW_STEPS = 1;
const ISSUER = "InfoShare";

/** A new random secret (160 bits, as RFC 4226 recommends), base32 as apps show it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The 30-second step a moment falls in. */
export function totpStepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code an app shows at a moment (for the demo's code printer and tests). */
export function totpCodeAt(secretBase32: string, nowMs: number): string {
  return HOTP.generate({ secret: Secret.fromBase32(secretBase32), counter: totpStepAt(nowMs), digits: TOTP_DIGITS });
}

/** The otpauth:// URI an app scans (the QR code's content). */
export function totpUri(secretBase32: string, accountName: string): string {
  return new TOTP({
    issuer: ISSUER,
    label: accountName,
    secret: Secret.fromBase32(secretBase32),
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/** What people type: spaces and hyphens are allowed between the digits. */
export function normaliseTotpCode(raw: string): string {
  return raw.replace(/[\s-]/g, "");
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "malformed" | "wrong" | "reused" };

/**
 * Checks a code against the steps in the window around now. A code for a step at or before
 * `lastUsedStep` is refused as reused, so a code seen over a shoulder or replayed cannot be used
 * again within its window. The caller stores the returned step atomically (compare and set).
 */
export function checkTotpCode(
  secretBase32: string,
  rawCode: string,
  lastUsedStep: number | null,
  nowMs: number,
): TotpCheck {
  const code = normaliseTotpCode(rawCode);
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "malformed" };
  const secret = Secret.fromBase32(secretBase32);
  const current = totpStepAt(nowMs);
  let matched: number | null = null;
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step += 1) {
    const expected = HOTP.generate({ secret, counter: step, digits: TOTP_DIGITS });
    // Every step is compared, matched or not, so timing does not say which step matched.
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code)) && matched === null) matched = step;
  }
  if (matched === null) return { ok: false, reason: "wrong" };
  if (lastUsedStep !== null && matched <= lastUsedStep) return { ok: false, reason: "reused" };
  return { ok: true, step: matched };
}
