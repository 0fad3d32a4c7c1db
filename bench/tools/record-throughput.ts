// The "record a decision" figure alone, in about a minute, while working on recordDecision:
//   npx tsx bench/tools/record-throughput.ts [--seconds 4] [--concurrency 1,10] [--profile]
//     [--before main] [--rounds 1] [--warmup 1.5]
// A throwaway embedded PostgreSQL (migrated, demo seed, app role), then bench/record-worker.ts's
// use case and raw INSERTs alternately at each concurrency, as `npm run bench` measures them.
// --profile writes a V8 CPU profile of each use-case worker to .data/profiles/. --before runs the
// use case of another git ref (its src and bench, by git archive) just before this tree's, on the
// same database (so its migrations must be this tree's or a prefix of them, and its calls still valid);
// its first recordings compile its modules afresh, so give it a longer --warmup (seconds), e.g. 8.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startPostgres } from "../../scripts/lib/embedded-postgres";
import { REPO_ROOT } from "../../scripts/lib/migrations";
import { type RecordVsRawRow, recordVsRaw } from "../lib/record-vs-raw";
import { checkout } from "../lib/checkout";
import { median } from "../lib/stats";
import type { RecordResult } from "../record-worker";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "4" },
    concurrency: { type: "string", default: "1,10" },
    profile: { type: "boolean", default: false },
    before: { type: "string" },
    rounds: { type: "string", default: "1" },
    warmup: { type: "string", default: "1.5" },
  },
});
const profileDir = join(REPO_ROOT, ".data", "profiles");
if (args.profile) mkdirSync(profileDir, { recursive: true });

const before = args.before ? checkout(args.before) : null;
const postgres = await startPostgres({ persistent: false, database: "infoshare" });
try {
  const rows = await recordVsRaw({
    serverUrl: postgres.url,
    databaseName: "infoshare_record_throughput",
    concurrencies: args.concurrency.split(",").map(Number),
    seconds: Number(args.seconds),
    log: (message) => console.log(message),
    useCaseNodeArgs: args.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
    beforeRoot: before?.root,
    rounds: Number(args.rounds),
    warmupMs: Number(args.warmup) * 1000,
  });
  const cost = (result: RecordResult) =>
    `${result.perSecond}/s (p95 ${result.latencyMs.p95} ms, ${result.cpuMsPerRecord} ms CPU each` +
    (result.databaseCpuMsPerRecord === null ? "" : ` + ${result.databaseCpuMsPerRecord} ms database`) +
    ")";
  for (const row of rows) {
    const failed = row.useCase.failed + row.raw.failed + (row.before?.useCase.failed ?? 0);
    console.log(
      `at ${String(row.concurrency).padStart(2)}: ` +
        (row.before
          ? `${args.before}: use case ${cost(row.before.useCase)}, ratio ${row.before.throughputVsRaw}; `
          : "") +
        `use case ${cost(row.useCase)}, raw INSERTs ${cost(row.raw)}, ratio ${row.throughputVsRaw}` +
        (failed
          ? `; ${failed} failed: ${row.useCase.firstError ?? row.before?.useCase.firstError ?? row.raw.firstError}`
          : "") +
        (row.useCase.exhausted || row.before?.useCase.exhausted ? "; ran out of drafts" : ""),
    );
  }
  for (const concurrency of new Set(rows.map((row) => row.concurrency))) {
    const at = rows.filter((row) => row.concurrency === concurrency);
    const ratios = (pick: (row: RecordVsRawRow) => number | null | undefined) =>
      at.map(pick).filter((value): value is number => typeof value === "number");
    if (at.length > 1 || before)
      console.log(
        `at ${String(concurrency).padStart(2)}, median of ${at.length}: ` +
          `ratio ${median(ratios((r) => r.throughputVsRaw))}` +
          (before ? `, ${args.before} ${median(ratios((r) => r.before?.throughputVsRaw))}` : ""),
      );
  }
} finally {
  await postgres.stop();
  before?.remove();
}
