// The "record a decision" figure alone, in about a minute, while working on recordDecision:
//   npx tsx bench/tools/record-throughput.ts [--seconds 4] [--concurrency 1,10] [--profile]
// A throwaway embedded PostgreSQL (migrated, demo seed, app role), then bench/record-worker.ts's
// use case and raw INSERTs alternately at each concurrency, as `npm run bench` measures them.
// --profile writes a V8 CPU profile of each use-case worker to .data/profiles/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startPostgres } from "../../scripts/lib/embedded-postgres";
import { REPO_ROOT } from "../../scripts/lib/migrations";
import { recordVsRaw } from "../lib/record-vs-raw";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "4" },
    concurrency: { type: "string", default: "1,10" },
    profile: { type: "boolean", default: false },
  },
});
const profileDir = join(REPO_ROOT, ".data", "profiles");
if (args.profile) mkdirSync(profileDir, { recursive: true });

const postgres = await startPostgres({ persistent: false, database: "infoshare" });
try {
  const rows = await recordVsRaw({
    serverUrl: postgres.url,
    databaseName: "infoshare_record_throughput",
    concurrencies: args.concurrency.split(",").map(Number),
    seconds: Number(args.seconds),
    log: (message) => console.log(message),
    useCaseNodeArgs: args.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  });
  for (const row of rows) {
    const failed = row.useCase.failed + row.raw.failed;
    console.log(
      `at ${String(row.concurrency).padStart(2)}: use case ${row.useCase.perSecond}/s ` +
        `(p95 ${row.useCase.latencyMs.p95} ms, ${row.useCase.cpuMsPerRecord} ms CPU each), ` +
        `raw INSERTs ${row.raw.perSecond}/s ` +
        `(p95 ${row.raw.latencyMs.p95} ms, ${row.raw.cpuMsPerRecord} ms CPU each), ` +
        `ratio ${row.throughputVsRaw}` +
        (failed ? `; ${failed} failed: ${row.useCase.firstError ?? row.raw.firstError}` : "") +
        (row.useCase.exhausted ? "; ran out of drafts" : ""),
    );
  }
} finally {
  await postgres.stop();
}
