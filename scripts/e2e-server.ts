// Playwright's web server: a fresh database (throwaway embedded PostgreSQL, or a new database on
// DATABASE_URL's server), migrations, demo seed, then `next start` on the built app. With
// --no-demo: no demo data, and the first-run set-up link written to .data/e2e-setup-path-<port>
// (tests/e2e/accounts-setup.spec.ts). Either way a local SMTP server keeps the app's email in
// .data/e2e-mail-<port>/ (decision 019), where the tests read it.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startPostgres } from "./lib/embedded-postgres";
import { createDatabase, dropDatabase, stopChildProcess, stopOnSignals, uniqueDatabaseName } from "./lib/database";
import { applyMigrations } from "./lib/migrations";
import { seedDemoData } from "./lib/seed";
import { enableAppRoleLogin } from "./lib/app-role";
import { issueSetupLinkIfNeeded } from "./lib/first-run-setup";
import { startLocalMailServer } from "./lib/mail-server";
import { randomBytes } from "node:crypto";
import {
  type TestIdentityProvider,
  configureOrganisationSso,
  startIdentityProvider,
} from "./lib/harness/identity-provider";

const root = fileURLToPath(new URL("..", import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3100);
const demo = !process.argv.includes("--no-demo");
// One file per port, so two e2e runs on different ports can share a checkout.
const E2E_DATABASE_URL_FILE = join(root, ".data", `e2e-database-url-${port}`);

let url: string;
let cleanup: () => Promise<void>;
if (process.env.DATABASE_URL) {
  const name = uniqueDatabaseName("infoshare_e2e");
  const server = process.env.DATABASE_URL;
  url = await createDatabase(server, name);
  cleanup = () => dropDatabase(server, name);
} else {
  const pg = await startPostgres({ persistent: false, database: "infoshare_e2e" });
  url = pg.url;
  cleanup = pg.stop;
}

const mailFolder = join(root, ".data", `e2e-mail-${port}`);
rmSync(mailFolder, { recursive: true, force: true });
const mail = await startLocalMailServer({ folder: mailFolder });

let app: ChildProcess | null = null;
let identityProvider: TestIdentityProvider | null = null;
stopOnSignals([() => stopChildProcess(app), mail.stop, async () => identityProvider?.close(), cleanup]);

await applyMigrations(url);
const ssoEncryptionKey = randomBytes(32).toString("base64");
if (demo) {
  await seedDemoData(url);
  // Single sign-on (decision 022): a real OpenID provider on a free loopback port, and Riverside
  // Primary School signing in through it; tests/e2e/sso.spec.ts reads where it is.
  identityProvider = await startIdentityProvider({ redirectUris: [`http://127.0.0.1:${port}/sso/callback`] });
  await configureOrganisationSso(url, "Riverside Primary School", identityProvider, ssoEncryptionKey, [
    "riverside.example",
  ]);
  mkdirSync(join(root, ".data"), { recursive: true });
  writeFileSync(join(root, ".data", `e2e-identity-provider-${port}`), identityProvider.issuer);
} else writeFileSync(join(root, ".data", `e2e-setup-path-${port}`), (await issueSetupLinkIfNeeded(url)) ?? "");
// The app connects as its restricted role, as `npm start` does; the tests keep the owner's URL.
const appUrl = await enableAppRoleLogin(url);
// Tests read the database directly to check what was stored.
mkdirSync(join(root, ".data"), { recursive: true });
writeFileSync(E2E_DATABASE_URL_FILE, url);
console.log(`[e2e] database ready`);

app = spawn(
  process.execPath,
  [join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: appUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      SSO_ENCRYPTION_KEY: ssoEncryptionKey,
      NEXT_TELEMETRY_DISABLED: "1",
      SMTP_URL: mail.url,
      // The outbox sender's pace: email arrives within a second, as the tests wait for it.
      EMAIL_OUTBOX_INTERVAL_MS: "300",
      // The request clocks' pace (decision 030): a timer the test makes due fires within a second.
      REQUEST_TIMER_INTERVAL_MS: "500",
    },
  },
);
app.on("exit", (code) => {
  console.log(`[e2e] app exited (${code})`);
});
