import "server-only";
import { hkdfSync } from "node:crypto";
import { CURRENT_KEY_ID, DEMO_KEY, DEMO_KEY_ID, type SecretKeys, parseEncryptionKey } from "@/domain/second-factor";
import { env } from "@/server/infra/env";

let cached: SecretKeys | undefined;

/**
 * The keys TOTP secrets are sealed with (decision 021): MFA_ENCRYPTION_KEY, or, when it is not set,
 * a key derived from NEXTAUTH_SECRET (so `npm start` and the test servers need nothing more). A
 * deployment should set its own: with the derived key, changing NEXTAUTH_SECRET makes every
 * authenticator app unreadable and people must be reset and enrol again.
 */
export function secondFactorKeys(): SecretKeys {
  if (cached) return cached;
  const { MFA_ENCRYPTION_KEY, NEXTAUTH_SECRET } = env();
  let key: Buffer;
  if (MFA_ENCRYPTION_KEY) {
    const parsed = parseEncryptionKey(MFA_ENCRYPTION_KEY);
    if (!parsed) throw new Error("MFA_ENCRYPTION_KEY must be 32 bytes, written in base64 or hex");
    key = parsed;
  } else {
    key = Buffer.from(hkdfSync("sha256", NEXTAUTH_SECRET, "infoshare", "second-factor secrets v1", 32));
  }
  cached = { [CURRENT_KEY_ID]: key, [DEMO_KEY_ID]: DEMO_KEY };
  return cached;
}
