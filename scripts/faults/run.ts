// `npm run test:faults`: the fault tests (tests/faults: kill -9 during 1,000 submissions, the
// database stopped under load, double submission, hostile form posts) against the production build
// on loopback ports, each with a PostgreSQL of its own; everything they start, they stop. Bounded:
// every test has a time limit. Ends with one line, "N passed, N failed", and writes the counts to
// test-results/faults.json (.ci/run adds them to npm test's).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { failureLines, readVitestReport } from "../lib/test-reports";

const root = fileURLToPath(new URL("../..", import.meta.url));
const results = join(root, "test-results");
mkdirSync(results, { recursive: true });
const report = join(results, "faults-vitest.json");
rmSync(report, { force: true });

// One property-test seed for the whole run, printed first, so a red run names what replays it.
const seed = process.env.FC_SEED || String((Date.now() ^ Math.floor(Math.random() * 0x100000000)) | 0);
console.log(`fault tests: fast-check seed ${seed} (replay with FC_SEED=${seed} npm run test:faults)`);

const started = Date.now();
const child = spawnSync(
  join(root, "node_modules", ".bin", "vitest"),
  [
    "run",
    "--config",
    "tests/faults/vitest.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${report}`,
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, FC_SEED: seed, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" },
    timeout: 20 * 60_000,
  },
);
const counts = readVitestReport(report, root);
const passed = counts?.passed ?? 0;
let failed = Math.max(counts?.failed ?? 0, child.status === 0 ? 0 : 1);
if (passed === 0 && failed === 0) failed = 1; // a run that tested nothing proves nothing
writeFileSync(
  join(results, "faults.json"),
  `${JSON.stringify({ passed, failed, seconds: (Date.now() - started) / 1000 })}\n`,
);
console.log(`\nfault tests: ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const line of failureLines("fault tests", counts?.failures ?? [])) console.log(line);
console.log(`${passed} passed, ${failed} failed${failed > 0 ? ` (fast-check seed ${seed})` : ""}`);
process.exitCode = failed === 0 && child.status === 0 ? 0 : 1;
