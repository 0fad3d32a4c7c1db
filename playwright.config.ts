import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// The accounts journey's own server and database, with no demo data (decision 019).
const accountsPort = Number(process.env.E2E_ACCOUNTS_PORT ?? port + 1);
// Debian's Chromium on CI and these machines; Playwright's own browser on a laptop that has one.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
  testDir: "tests/e2e",
  // Every test makes its own data (its own case reference, drafts, decisions), so tests run two at a
  // time, one per core, in any order; the few that count rows filter to their own.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A whole wizard journey is some twenty pages; axe runs once per page type, in accessibility.spec.ts.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // Signs each demo user in through the form once and stores the session (the specs' signIn()
    // starts from it; tests of signing in itself still use the form).
    { name: "sign-in", testMatch: /auth\.setup\.ts$/ },
    // The data the accessibility spec's pages need, made through the app by the practitioner.
    { name: "page data", testMatch: /page-fixtures\.setup\.ts$/, dependencies: ["sign-in"] },
    { name: "pages", testMatch: /accessibility\.spec\.ts$/, dependencies: ["page data"] },
    // A whole path through the wizard is some twenty pages: it takes a while on a shared machine.
    {
      name: "journeys",
      testIgnore: /(accessibility|accounts-setup)\.spec\.ts$/,
      grepInvert: /@long/,
      dependencies: ["sign-in"],
      timeout: 180_000,
    },
    // The longest journeys, whose steps faster tests also cover: `.ci/run` runs them after `npm test`
    // (`npm test -- long-journeys`); `npm test` leaves them out. Tag a test `{ tag: "@long" }` to move it here.
    {
      name: "long journeys",
      testIgnore: /(accessibility|accounts-setup)\.spec\.ts$/,
      grep: /@long/,
      dependencies: ["sign-in"],
      timeout: 180_000,
    },
    // First-run set-up, invitations by email, sign-in and review, on a database with no demo data.
    {
      name: "accounts",
      testMatch: /accounts-setup\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${accountsPort}` },
    },
  ],
  webServer: [
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      // The server's info lines (one per request and audit event) would bury the test results.
      env: { E2E_PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    },
    {
      command: "npx tsx scripts/e2e-server.ts --no-demo",
      url: `http://127.0.0.1:${accountsPort}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: { E2E_PORT: String(accountsPort), LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    },
  ],
});
