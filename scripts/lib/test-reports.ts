// Reading the JSON reports Vitest and Playwright write, for the totals `npm test`, `npm run test:faults`
// and `.ci/run` print, and for the names of the tests that failed: CI shows a long log's tail, so the
// names are printed again at the end ("FAILED suite: file > test").
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";

export interface ReportCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Each failed test as "file > full title" (Vitest) or "[project] file:line › title" (Playwright). */
  failures: string[];
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; assertionResults: { status: string; fullName: string }[] }[];
}

/** A Vitest JSON report's counts, or undefined when the run wrote none (it failed to start). */
export function readVitestReport(report: string, root: string): ReportCounts | undefined {
  if (!existsSync(report)) return undefined;
  const json = JSON.parse(readFileSync(report, "utf8")) as VitestReport;
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests + json.numTodoTests,
    failures: json.testResults.flatMap((file) =>
      file.assertionResults
        .filter((test) => test.status === "failed")
        .map((test) => `${relative(root, file.name)} > ${test.fullName}`),
    ),
  };
}

interface PlaywrightSuite {
  specs?: { title: string; file: string; line: number; tests: { projectName: string; status: string }[] }[];
  suites?: PlaywrightSuite[];
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: PlaywrightSuite[];
}

/** Tests whose every attempt failed (Playwright's "unexpected"). */
function playwrightFailures(suites: PlaywrightSuite[]): string[] {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === "unexpected")
        .map((test) => `[${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}`),
    ),
    ...playwrightFailures(suite.suites ?? []),
  ]);
}

/** A Playwright JSON report's counts (a test that passed on a retry counts as passed). */
export function readPlaywrightReport(report: string): ReportCounts | undefined {
  if (!existsSync(report)) return undefined;
  const json = JSON.parse(readFileSync(report, "utf8")) as PlaywrightReport;
  return {
    passed: json.stats.expected + json.stats.flaky,
    failed: json.stats.unexpected,
    skipped: json.stats.skipped,
    failures: playwrightFailures(json.suites),
  };
}

/** The lines that name failed tests, each "FAILED suite: test". */
export function failureLines(suite: string, failures: readonly string[]): string[] {
  return failures.map((failure) => `FAILED ${suite}: ${failure}`);
}
