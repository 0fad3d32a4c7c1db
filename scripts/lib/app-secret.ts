import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * NEXTAUTH_SECRET from the environment, or one generated on first start and kept (mode 600) in the
 * git-ignored data folder so sessions survive restarts of a local install.
 */
export function resolveAppSecret(file: string): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * SSO_ENCRYPTION_KEY (decision 022) from the environment, or 32 random bytes (base64) generated on
 * first start and kept beside the NextAuth secret: losing it means re-entering client secrets.
 */
export function resolveSsoEncryptionKey(file: string): string {
  const fromEnv = process.env.SSO_ENCRYPTION_KEY;
  if (fromEnv) return fromEnv;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
