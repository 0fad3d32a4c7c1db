// Secrets at rest (TOTP secrets): AES-256-GCM with a key the database never holds (decision 021).
// Stored as "<key id>.<iv>.<tag>.<ciphertext>", base64url, so a key can be rotated later and the
// demo's published secret can be told apart from real ones.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const CURRENT_KEY_ID = "k1";
/**
 * The key the demo seed encrypts its one published TOTP secret with (README: "Demo sign-ins").
 * It protects nothing - the secret it hides is printed on the console - and is kept only so the
 * demo's rows have the same shape as real ones. Real secrets are always written with CURRENT_KEY_ID.
 */
export const DEMO_KEY_ID = "demo";
export const DEMO_KEY = Buffer.from("infoshare-demo-totp-key-32-bytes", "utf8");

export type SecretKeys = Record<string, Buffer>;

/** A 32-byte key from base64, base64url or hex text (what MFA_ENCRYPTION_KEY holds). */
export function parseEncryptionKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const candidates = /^[0-9a-f]{64}$/i.test(trimmed)
    ? [Buffer.from(trimmed, "hex")]
    : [Buffer.from(trimmed, "base64url"), Buffer.from(trimmed, "base64")];
  return candidates.find((key) => key.length === 32) ?? null;
}

export function sealSecret(plain: string, key: Buffer, keyId = CURRENT_KEY_ID): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(keyId));
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [keyId, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plain secret, or null when the key is unknown or the text was altered (GCM's tag fails). */
export function openSecret(sealed: string, keys: SecretKeys): string | null {
  const [keyId, iv, tag, ciphertext, ...rest] = sealed.split(".");
  const key = keyId ? keys[keyId] : undefined;
  if (!key || !iv || !tag || ciphertext === undefined || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(keyId!));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
