// The app's restricted database role (created NOLOGIN by a migration; see
// docs/decisions/005-app-database-role.md). Migrations and the seed run as the owner; the app
// server connects as `infoshare_app`. For a database the scripts manage (embedded, e2e, tests),
// this gives the role LOGIN and a password generated once and kept, mode 600, in
// .data/app-db-password, and returns the URL the app should use.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { REPO_ROOT } from "./migrations";

export const APP_ROLE = "infoshare_app";
export const APP_DB_PASSWORD_FILE = path.join(REPO_ROOT, ".data", "app-db-password");
const SCRAM_ITERATIONS = 4096; // PostgreSQL's default (scram_iterations)

/**
 * The password in `file`, or a new random one written there first. One password for every
 * cluster the scripts touch: the role is cluster-wide, so a test run re-setting it must not
 * lock out a running `npm start` that shares the cluster.
 */
export function appRolePassword(file: string = APP_DB_PASSWORD_FILE): string {
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const password = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${password}\n`, { mode: 0o600, flag: "wx" });
    return password;
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802 / 7677). Sending this
 * instead of the password keeps the password itself out of the server's statement log. The
 * password must be ASCII (SASLprep is then the identity); ours are base64url.
 */
export function scramSha256Verifier(
  password: string,
  salt: Buffer = randomBytes(16),
  iterations = SCRAM_ITERATIONS,
): string {
  if (!/^[\x21-\x7e]+$/.test(password))
    throw new Error("scramSha256Verifier: only printable ASCII passwords are supported");
  const salted = pbkdf2Sync(password, salt, iterations, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  const base64 = (bytes: Buffer) => bytes.toString("base64");
  return `SCRAM-SHA-256$${iterations}:${base64(salt)}$${base64(storedKey)}:${base64(serverKey)}`;
}

/** `ownerUrl` with the app role's user name and password: same host, port, database and options. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = encodeURIComponent(password);
  return url.toString();
}

/**
 * Gives `infoshare_app` LOGIN and the kept password (as the owner at `ownerUrl`, after the
 * migrations), checks it can connect, and returns its URL. The owner needs the right to alter the
 * role: a superuser, or (PostgreSQL 16+) the CREATEROLE role that created it.
 */
export async function enableAppRoleLogin(ownerUrl: string, options: { passwordFile?: string } = {}): Promise<string> {
  const password = appRolePassword(options.passwordFile);
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const exists = await owner.query("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1", [APP_ROLE]);
    if (exists.rowCount === 0) throw new Error(`Role ${APP_ROLE} does not exist: apply the migrations first.`);
    await owner.query(
      `ALTER ROLE ${pg.escapeIdentifier(APP_ROLE)} LOGIN PASSWORD ${pg.escapeLiteral(scramSha256Verifier(password))}`,
    );
  } finally {
    await owner.end();
  }

  const url = appRoleUrl(ownerUrl, password);
  const app = new pg.Client({ connectionString: url });
  try {
    await app.connect();
    await app.query("SELECT 1");
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`The app role ${APP_ROLE} cannot connect to the database (check pg_hba.conf): ${detail}`);
  } finally {
    await app.end().catch(() => undefined);
  }
  return url;
}
