// `npm test`: type-check, lint, unit, integration (real PostgreSQL), production build and browser
// tests. Runs every suite even when an earlier one fails (except e2e, which needs the build), then
// prints one line totalling them all: "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsFresh } from "./lib/build-freshness";
import { failureLines, readPlaywrightReport, readVitestReport, type ReportCounts } from "./lib/test-reports";

const startedAt = Date.now();
const root = fileURLToPath(new URL("..", import.meta.url));
const results = join(root, "test-results");
mkdirSync(results, { recursive: true });
const bin = (name: string) => join(root, "node_modules", ".bin", name);
/** Named by path: both TypeScripts offer a `tsc` to node_modules/.bin, and either may hold the name. */
const NATIVE_TSC = join(root, "node_modules", "typescript-native", "bin", "tsc");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

interface SuiteOutcome {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
  seconds: number;
  failures: string[];
}
const outcomes: SuiteOutcome[] = [];

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): { ok: boolean; seconds: number } {
  const started = Date.now();
  const child = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: "inherit" });
  return { ok: child.status === 0, seconds: (Date.now() - started) / 1000 };
}

/** A check that has no test count of its own (type-check, lint, build) counts as one test. */
function check(name: string, command: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
  console.log(`\n=== ${name} ===`);
  const { ok, seconds } = run(command, args, extraEnv);
  outcomes.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok, seconds, failures: [] });
  return ok;
}

function vitest(project: "unit" | "integration" | "scale"): void {
  console.log(`\n=== ${project} tests ===`);
  const report = join(results, `${project}.json`);
  rmSync(report, { force: true });
  const { ok, seconds } = run(bin("vitest"), [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${report}`,
  ]);
  counted(`${project} tests`, ok, seconds, readVitestReport(report, root));
}

function playwright(name: string, args: string[]): void {
  console.log(`\n=== ${name} ===`);
  const report = join(results, name === "browser tests" ? "e2e-results.json" : `e2e-${name.replaceAll(" ", "-")}.json`);
  rmSync(report, { force: true });
  const { ok, seconds } = run(bin("playwright"), ["test", ...args], { E2E_REPORT: report });
  counted(name, ok, seconds, readPlaywrightReport(report));
}

/** A suite's outcome from its report; one that exits non-zero, or runs nothing, counts a failure. */
function counted(name: string, ok: boolean, seconds: number, report: ReportCounts | undefined): void {
  const passed = report?.passed ?? 0;
  // A suite that fails to load has no failed tests but still failed.
  let failed = Math.max(report?.failed ?? 0, ok ? 0 : 1);
  if (passed === 0 && failed === 0) failed = 1; // a suite that ran nothing proves nothing
  const failures = report?.failures ?? [];
  outcomes.push({ name, passed, failed, skipped: report?.skipped ?? 0, ok: ok && failed === 0, seconds, failures });
}

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

/**
 * Checks that each use one core (the type-check, ESLint, Prettier) run side by side; each one's output
 * is held back and printed whole when it ends, so the three do not interleave.
 */
async function checksSideBySide(checks: { name: string; command: string; args: string[] }[]): Promise<void> {
  const finished = await Promise.all(
    checks.map(
      ({ name, command, args }) =>
        new Promise<{ name: string; ok: boolean; seconds: number; output: string }>((resolve) => {
          const started = Date.now();
          const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
          let output = "";
          child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
          child.on("close", (code) =>
            resolve({ name, ok: code === 0, seconds: (Date.now() - started) / 1000, output }),
          );
        }),
    ),
  );
  for (const { name, ok, seconds, output } of finished) {
    console.log(`\n=== ${name} ===`);
    process.stdout.write(output);
    outcomes.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok, seconds, failures: [] });
  }
}

const staticChecks = [
  // TypeScript 7, the compiler's native port (package typescript-native, decision 011): the same check in a
  // quarter of the time (31 s against 8 s on a quiet machine). Next's build still uses TypeScript 5's API.
  ...(wanted("typecheck") ? [{ name: "type-check", command: process.execPath, args: [NATIVE_TSC, "--noEmit"] }] : []),
  // Lint is ESLint (rules, layers, line length) and Prettier's check of the formatting.
  ...(wanted("lint")
    ? [
        { name: "lint", command: bin("eslint"), args: ["--max-warnings", "0", "."] },
        { name: "format", command: bin("prettier"), args: ["--check", "."] },
      ]
    : []),
];
// The type-check covers Next's route types too (.next/types, which tsconfig includes): written here
// because the build that would write them comes later.
if (wanted("typecheck")) run(bin("next"), ["typegen"]);
if (staticChecks.length > 0) await checksSideBySide(staticChecks);
/** Whether this run's type-check passed, so the build need not check the same types again. */
const typesChecked = outcomes.some((o) => o.name === "type-check" && o.ok);
if (wanted("unit")) vitest("unit");
if (wanted("integration")) vitest("integration");
// The scale project (tests/scale) is not part of `npm test`; `.ci/run` runs it (`npm test -- scale`).
if (only.includes("scale")) vitest("scale");
/** Runs browser tests on the production build, building it first unless it is current. */
function browserTests(name: string, args: string[]): void {
  // The same freshness rule as `npm start` (scripts/lib/build-freshness.ts): no rebuild when no source
  // is newer than the last build.
  const fresh = buildIsFresh(root);
  if (fresh) console.log("\n=== production build ===\nProduction build is up to date.");
  // next.config.ts reads INFOSHARE_TYPES_CHECKED: the build skips the type-check this run has passed.
  const buildEnv: Record<string, string> = typesChecked ? { INFOSHARE_TYPES_CHECKED: "1" } : {};
  if (fresh || check("production build", bin("next"), ["build"], buildEnv)) playwright(name, args);
  else outcomes.push({ name, passed: 0, failed: 1, skipped: 0, ok: false, seconds: 0, failures: [] });
}
// Every browser project but the long journeys (whole wizard paths whose rules faster tests cover, listed
// in playwright.config.ts); `.ci/run` runs those (`npm test -- long-journeys`), as it does the scale tests.
// Playwright adds the projects these depend on (the stored sessions, the page data).
const BROWSER_PROJECTS = ["accounts", "journeys", "pages"].flatMap((project) => ["--project", project]);
if (wanted("e2e")) browserTests("browser tests", BROWSER_PROJECTS);
if (only.includes("long-journeys")) browserTests("long journeys", ["--project", "long journeys"]);

console.log("\n=== summary ===");
for (const o of outcomes) {
  const counts = `${String(o.passed).padStart(5)} passed ${String(o.failed).padStart(3)} failed`;
  const skipped = o.skipped ? `${o.skipped} skipped ` : "";
  console.log(`${o.ok ? "PASS" : "FAIL"}  ${o.name.padEnd(18)} ${counts} ${skipped}(${o.seconds.toFixed(1)} s)`);
}
const passed = outcomes.reduce((sum, o) => sum + o.passed, 0);
const failed = outcomes.reduce((sum, o) => sum + o.failed, 0);
const skipped = outcomes.reduce((sum, o) => sum + o.skipped, 0);
const wallSeconds = (Date.now() - startedAt) / 1000;
const wallTime = `${Math.floor(wallSeconds / 60)} min ${Math.floor(wallSeconds % 60)} s`;
console.log(`Wall time: ${wallTime} (${wallSeconds.toFixed(1)} s)`);
for (const o of outcomes) for (const line of failureLines(o.name, o.failures)) console.log(line);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1;
