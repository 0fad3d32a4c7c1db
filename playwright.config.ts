import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// The accounts journey's own server and database, with no demo data (decision 019).
const accountsPort = Number(process.env.E2E_ACCOUNTS_PORT ?? port + 1);
// Debian's Chromium on CI and these machines; Playwright's own browser on a laptop that has one. Its
// headless shell first (package chromium-headless-shell, what Playwright itself runs headless): the same
// Blink and V8 without the full browser's window layer, it took a third less time over the same 120 tests
// (247 and 254 s against 169 and 165 s, decision 011). `--headed` needs the full browser:
// CHROMIUM_PATH=/usr/bin/chromium.
const chromiumPath =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));
const executablePath = chromiumPath && existsSync(chromiumPath) ? chromiumPath : undefined;

// The longest journeys, whole wizard paths whose rules faster tests cover (src/domain/wizard's unit
// tests, record-decision's integration tests; the page fixtures and the supervision journey walk the
// no-purpose path): `npm test` leaves them out and `.ci/run` runs them after it (decision 011). Listed
// by title so the specs need no change; a test tagged `{ tag: "@long" }` joins them too. A title here that
// no test has any more goes unnoticed (the last departure's did after a rename, and it ran in npm test).
const LONG_JOURNEY_TITLES = [
  "consent refused but a child at risk of significant harm: shared on a recorded lawful basis",
  "no legitimate purpose: do not share, with no departure and no sharing questions",
  "departure: not sharing where the flowchart says share and a child is at risk: why? flagged",
  "departure: sharing where the flowchart says do not: why?, then the sharing questions; flagged",
];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const longJourneys = new RegExp(["@long", ...LONG_JOURNEY_TITLES.map(escapeRegExp)].join("|"));

/** One of the test servers (scripts/e2e-server.ts): its own database and a built app on `serverPort`. */
function e2eServer(serverPort: number, flags = "") {
  return {
    command: `npx tsx scripts/e2e-server.ts ${flags}`.trim(),
    url: `http://127.0.0.1:${serverPort}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
    // The server's info lines (one per request and audit event) would bury the test results.
    env: { E2E_PORT: String(serverPort), LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
  };
}

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
  // scripts/test-all.ts names the report per run, so the long journeys' report does not replace npm test's.
  reporter: [["list"], ["json", { outputFile: process.env.E2E_REPORT ?? "test-results/e2e-results.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recorded for every test and kept for the failures: DOM snapshots and the action log, without the
    // screencast, whose frames the browser and the runner encode all test long on a two-core machine.
    trace: { mode: "retain-on-failure", screenshots: false },
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
  // Playwright runs projects in phases: a project starts once every project it depends on has finished,
  // and the workers stop between phases, so the tail of each phase leaves a core idle. Two phases: the
  // stored sessions and the page data, then everything else (longest first, the short page scans last).
  projects: [
    // The data the accessibility spec's pages need, made through the app by the practitioner, whose stored
    // session it keeps too (the first phase ends before any spec starts). First: its one test is the first
    // phase's longest, and started last it left the other worker idle meanwhile.
    { name: "page data", testMatch: /page-fixtures\.setup\.ts$/ },
    // Signs each other demo user in through the form once and stores the session (the specs' signIn()
    // starts from it; tests of signing in itself still use the form).
    { name: "sign-in", testMatch: /auth\.setup\.ts$/ },
    // First-run set-up, invitations by email, sign-in and review, on a database with no demo data, on a
    // server of its own: it needs no stored session, but waits for them so as to run beside the journeys
    // rather than hold the first phase open.
    {
      name: "accounts",
      testMatch: /accounts-setup\.spec\.ts$/,
      dependencies: ["sign-in"],
      use: { baseURL: `http://127.0.0.1:${accountsPort}` },
    },
    // A whole path through the wizard is some twenty pages: it takes a while on a shared machine.
    {
      name: "journeys",
      testIgnore: /(accessibility|accounts-setup)\.spec\.ts$/,
      grepInvert: longJourneys,
      dependencies: ["sign-in"],
      timeout: 180_000,
    },
    // The long journeys (above), for `.ci/run`: `npm test -- long-journeys`.
    {
      name: "long journeys",
      testIgnore: /(accessibility|accounts-setup)\.spec\.ts$/,
      grep: longJourneys,
      dependencies: ["sign-in"],
      timeout: 180_000,
    },
    { name: "pages", testMatch: /accessibility\.spec\.ts$/, dependencies: ["sign-in", "page data"] },
  ],
  webServer: [e2eServer(port), e2eServer(accountsPort, "--no-demo")],
});
