// `npm start`: PostgreSQL (embedded unless DATABASE_URL is set) → migrations → demo seed (embedded
// database only, or with --demo: scripts/lib/prepare-database.ts) →
// production build (skipped when fresh) → next start. `npm run dev` does the same with next dev.
// Migrations and the seed run as the database owner; the app server connects as the restricted
// role infoshare_app (see docs/decisions/005-app-database-role.md).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { openDatabase, stopChildProcess, stopOnSignals } from "./lib/database";
import { demoSeedingFor, prepareDatabase } from "./lib/prepare-database";
import { demoSignInTable } from "./lib/demo-data";
import { resolveAppSecret, resolveSsoEncryptionKey } from "./lib/app-secret";
import { applyAuditCheckpointDefaults } from "./lib/audit-signing-key";
import { buildIsFresh } from "./lib/build-freshness";
import { APP_ROLE, enableAppRoleLogin } from "./lib/app-role";
import { type LocalMailServer, startLocalMailServer } from "./lib/mail-server";

const root = fileURLToPath(new URL("..", import.meta.url));
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const log = (message: string) => console.log(`[infoshare] ${message}`);

const database = await openDatabase({ log });
let app: ChildProcess | null = null;
let mailServer: LocalMailServer | null = null;
stopOnSignals([() => stopChildProcess(app), async () => mailServer?.stop(), database.close]);

const seeding = demoSeedingFor(database, process.argv, process.env);
const { applied, seeded, setupPath } = await prepareDatabase(database.url, seeding, log);
log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
if (seeded) {
  const created = `Seeded ${seeded.organisationsCreated} organisations and ${seeded.usersCreated} demo users.`;
  log(seeded.usersCreated > 0 ? created : "Demo data already present.");
} else {
  log("No demo data: DATABASE_URL is a real database (add --demo to seed the demo organisations).");
}

let appDatabaseUrl: string;
if (database.embedded) {
  appDatabaseUrl = await enableAppRoleLogin(database.url);
  log(`The app connects as ${APP_ROLE} (password in .data/app-db-password).`);
  if (process.env.APP_DATABASE_URL) log("APP_DATABASE_URL is ignored: it only applies with DATABASE_URL.");
} else if (process.env.APP_DATABASE_URL) {
  appDatabaseUrl = process.env.APP_DATABASE_URL;
  log("The app connects with APP_DATABASE_URL; migrations and the seed used DATABASE_URL.");
} else {
  appDatabaseUrl = database.url;
  log(
    `WARNING: APP_DATABASE_URL is not set, so the app connects with DATABASE_URL, as the owner of the tables. ` +
      `The owner can switch off the audit log's protections. Give ${APP_ROLE} LOGIN and a password and set ` +
      `APP_DATABASE_URL to connect as it (see docs/database.md).`,
  );
}

// Email (decision 019): SMTP_URL when set; for the demo, a local SMTP server that keeps every
// message in .mail/ as an .eml file and prints a "Mail:" line; otherwise email waits in the outbox.
if (!process.env.SMTP_URL && seeded) {
  mailServer = await startLocalMailServer({
    folder: join(root, ".mail"),
    port: Number(process.env.MAIL_PORT ?? 2525),
    log: (line) => console.log(`[infoshare] ${line}`),
  });
  log(`Email goes to a local mailbox: .mail/ (SMTP on ${mailServer.url}); nothing leaves this machine.`);
} else if (!process.env.SMTP_URL) {
  log("WARNING: SMTP_URL is not set, so email (invitations, password resets, notifications) is queued, not sent.");
}

const env = {
  ...process.env,
  ...(mailServer ? { SMTP_URL: mailServer.url } : {}),
  DATABASE_URL: appDatabaseUrl,
  NEXTAUTH_SECRET: resolveAppSecret(join(root, ".data", "nextauth-secret")),
  // Seals organisations' single sign-on client secrets (decision 022).
  SSO_ENCRYPTION_KEY: resolveSsoEncryptionKey(join(root, ".data", "sso-encryption-key")),
  // The key that signs audit checkpoints and the file they are appended to (decision 014).
  ...applyAuditCheckpointDefaults(root),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
};
const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");

if (!dev) {
  if (buildIsFresh(root) && !process.argv.includes("--rebuild")) {
    log("Production build is up to date.");
  } else {
    log("Building the production app (about a minute)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) {
      log("Build failed.");
      await database.close();
      process.exitCode = 1;
      throw new Error("next build failed");
    }
  }
}

app = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-p", String(port)], {
  cwd: root,
  env,
  stdio: ["ignore", "pipe", "inherit"],
});
app.stdout?.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (/Ready in|✓ Ready/.test(chunk.toString())) {
    console.log(`\nInfoShare is running at http://localhost:${port}\n`);
    if (seeded) console.log(demoSignInTable());
    if (setupPath) {
      console.log(
        `\nFirst-run set-up: no organisation exists yet. Create the first organisation and its administrator at\n` +
          `  ${new URL(setupPath, env.NEXTAUTH_URL)}\n` +
          `(a one-time link, valid for 24 hours; \`npm run setup\` does the same from the command line).\n`,
      );
    }
    console.log(
      `\nDatabase: ${database.embedded ? "embedded PostgreSQL (data in .data/postgres)" : "DATABASE_URL"}. ` +
        "Press Ctrl-C to stop.\n",
    );
  }
});
// Ctrl-C reaches the app server too (same process group); only an unexpected exit is news.
const STOPPED_BY_US = new Set([130, 143]);
app.on("exit", async (code, signal) => {
  const stoppedByUs = signal === "SIGINT" || signal === "SIGTERM" || (code !== null && STOPPED_BY_US.has(code));
  if (!stoppedByUs) {
    log(`The app server stopped (${signal ?? `exit code ${code}`}).`);
    await database.close();
    process.exitCode = code ?? 1;
  }
});
