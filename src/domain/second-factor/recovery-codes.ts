// One-time recovery codes: for the day the phone is lost. Ten, shown once, stored only as hashes.
import { createHash, randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper and typed.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUP = 5;

/** "abcde-fghjk": 10 characters from 31, about 49 bits: out of reach of throttled guessing. */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < GROUP * 2; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, GROUP)}-${code.slice(GROUP)}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

/** Case, spaces and hyphens do not matter when typing a code back. */
export function normaliseRecoveryCode(raw: string): string {
  return raw.toLowerCase().replace(/[\s-]/g, "");
}

/**
 * SHA-256 of the normalised code. The codes are random and long, so a slow password hash would add
 * nothing but latency; what protects them is their entropy and the sign-in throttle.
 */
export function hashRecoveryCode(raw: string): string {
  return createHash("sha256")
    .update(`infoshare-recovery:${normaliseRecoveryCode(raw)}`)
    .digest("hex");
}
