// The request timers figure alone (issue 14), in a minute or two, while working on the timer runner:
//   npx tsx bench/tools/request-timers.ts [--requests 50000] [--timers 10000] [--profile] [--keep]
// A throwaway embedded PostgreSQL (migrated, demo seed, app role), bench/lib/bulk-seed-requests.ts's
// partnership and requests, then `npm run bench`'s timers phase: the parked timers made due now and
// fired by the app's drain in a worker process as the app's role, each checked to fire exactly once.
// --profile writes a V8 CPU profile of the worker to .data/profiles/. --keep leaves the database in
// .data/bench-postgres (where `npm run bench -- --keep` leaves its own), so bench/tools/sql.ts can EXPLAIN there.
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openHarnessDatabase } from "../../scripts/lib/harness/database";
import { REPO_ROOT } from "../../scripts/lib/migrations";
import { bulkSeedRequests } from "../lib/bulk-seed-requests";
import { requestTimerFigures } from "../lib/request-figures";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "50000" },
    timers: { type: "string", default: "10000" },
    profile: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const log = (message: string) => console.log(message);
const profileDir = join(REPO_ROOT, ".data", "profiles");
if (args.profile) mkdirSync(profileDir, { recursive: true });
const database = await openHarnessDatabase({ name: args.keep ? "bench" : "request-timers", log: () => undefined });
try {
  const seeded = await bulkSeedRequests({
    ownerUrl: database.ownerUrl,
    requests: Number(args.requests),
    dueTimers: Number(args.timers),
    log,
  });
  const load = loadavg()[0]!.toFixed(1);
  const figure = await requestTimerFigures(
    seeded,
    database.ownerUrl,
    database.appUrl,
    args.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  );
  console.log(
    `${figure.timers} timers: ${figure.fired} fired, ${figure.closed} closed in ${figure.seconds} s ` +
      `(${figure.perSecond}/s, ${figure.cpuMsPerTimer} ms of the worker's CPU and ${figure.databaseCpuMsPerTimer} ms ` +
      `of PostgreSQL's each), load average ${load} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
  );
} finally {
  if (args.keep) {
    await database.stopServer();
    console.log(`database kept in ${database.dataDir}; bench/tools/sql.ts starts it again`);
  } else await database.destroy();
}
