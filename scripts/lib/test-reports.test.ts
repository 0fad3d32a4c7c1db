import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { failureLines, readPlaywrightReport, readVitestReport } from "./test-reports";

const dir = mkdtempSync(join(tmpdir(), "test-reports-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function written(name: string, json: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

describe("readVitestReport", () => {
  it("counts the tests and names each failed one by file and full title", () => {
    const report = written("vitest.json", {
      numPassedTests: 3,
      numFailedTests: 1,
      numPendingTests: 1,
      numTodoTests: 1,
      testResults: [
        {
          name: "/repo/tests/integration/a.test.ts",
          assertionResults: [
            { status: "passed", fullName: "a works" },
            { status: "failed", fullName: "a > refuses a stranger" },
          ],
        },
        { name: "/repo/tests/integration/b.test.ts", assertionResults: [{ status: "passed", fullName: "b" }] },
      ],
    });
    expect(readVitestReport(report, "/repo")).toEqual({
      passed: 3,
      failed: 1,
      skipped: 2,
      failures: ["tests/integration/a.test.ts > a > refuses a stranger"],
    });
  });

  it("is undefined when the run wrote no report", () => {
    expect(readVitestReport(join(dir, "none.json"), "/repo")).toBeUndefined();
  });
});

describe("readPlaywrightReport", () => {
  it("counts a test passed on retry as passed and names those that failed, in nested suites too", () => {
    const test = (projectName: string, status: string) => ({ projectName, status });
    const report = written("playwright.json", {
      stats: { expected: 5, unexpected: 2, flaky: 1, skipped: 1 },
      suites: [
        {
          title: "wizard.spec.ts",
          specs: [{ title: "records", file: "wizard.spec.ts", line: 10, tests: [test("journeys", "unexpected")] }],
          suites: [
            {
              title: "inner",
              specs: [
                { title: "retried", file: "wizard.spec.ts", line: 20, tests: [test("journeys", "flaky")] },
                { title: "scan", file: "wizard.spec.ts", line: 30, tests: [test("pages", "unexpected")] },
              ],
            },
          ],
        },
      ],
    });
    expect(readPlaywrightReport(report)).toEqual({
      passed: 6,
      failed: 2,
      skipped: 1,
      failures: ["[journeys] wizard.spec.ts:10 › records", "[pages] wizard.spec.ts:30 › scan"],
    });
  });
});

describe("failureLines", () => {
  it("starts each line with FAILED and the suite, which .ci/run gathers at the end", () => {
    expect(failureLines("unit tests", ["a > b"])).toEqual(["FAILED unit tests: a > b"]);
  });
});
