import { randomBytes } from "node:crypto";

// Crockford's base32: no I, L, O or U, so a reference read over the phone is not misheard.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A decision reference such as "DEC-7K4Q-M2XD". Random rather than sequential, so a reference
 * says nothing about how many decisions an organisation records. 40 bits: collisions are caught
 * by the unique index and retried.
 */
export function newDecisionReference(bytes: Uint8Array = randomBytes(5)): string {
  let bits = 0n;
  for (const byte of bytes.slice(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let text = "";
  for (let i = 0; i < 8; i += 1) {
    text = ALPHABET[Number(bits & 31n)] + text;
    bits >>= 5n;
  }
  return `DEC-${text.slice(0, 4)}-${text.slice(4)}`;
}

export const DECISION_REFERENCE_PATTERN = /^DEC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Accepts what people type: any case, spaces, missing dashes. */
export function normaliseDecisionReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "").replace(/^DEC/, "");
  if (compact.length !== 8) return null;
  const candidate = `DEC-${compact.slice(0, 4)}-${compact.slice(4)}`;
  return DECISION_REFERENCE_PATTERN.test(candidate) ? candidate : null;
}
