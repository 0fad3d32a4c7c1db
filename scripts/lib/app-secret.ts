import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * A secret from the environment variable, or 32 random bytes generated on first start and kept
 * (mode 600) in the git-ignored data folder, so that it survives restarts of a local install.
 */
function resolveKeptSecret(variable: string, file: string, encoding: "base64" | "base64url"): string {
  const fromEnv = process.env[variable];
  if (fromEnv) return fromEnv;
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString(encoding);
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** NEXTAUTH_SECRET, or one kept in the data folder so sessions survive restarts. */
export function resolveAppSecret(file: string): string {
  return resolveKeptSecret("NEXTAUTH_SECRET", file, "base64url");
}

/**
 * SSO_ENCRYPTION_KEY (decision 022), or 32 random bytes (base64) kept beside the NextAuth secret:
 * losing it means re-entering client secrets.
 */
export function resolveSsoEncryptionKey(file: string): string {
  return resolveKeptSecret("SSO_ENCRYPTION_KEY", file, "base64");
}
