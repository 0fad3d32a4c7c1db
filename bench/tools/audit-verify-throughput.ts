// The audit:verify figure alone, before and after a change, in one run (decision 029):
//   npx tsx --conditions=react-server bench/tools/audit-verify-throughput.ts [--decisions 200000]
//     [--before main] [--rounds 2]
// A throwaway embedded PostgreSQL with the bench's bulk seed (five audit events per decision, one
// chain), then, alternately: `audit:verify` as it is in this tree (worker threads, and in this
// thread with --workers 0), `audit:verify` as it is at the git ref --before (taken with git
// archive into a temporary folder, with this tree's node_modules), and the plain SHA-256 loop over
// the same bytes. Prints events/s and each against the loop, as ratios; medians over the rounds.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "../../scripts/lib/migrations";
import { openHarnessDatabase } from "../../scripts/lib/harness/database";
import { bulkSeed } from "../lib/bulk-seed";
import { checkout } from "../lib/checkout";
import { sha256Loop } from "../lib/sha256-loop";
import { median } from "../lib/stats";

const { values: args } = parseArgs({
  options: {
    decisions: { type: "string", default: "200000" },
    before: { type: "string", default: "main" },
    rounds: { type: "string", default: "2" },
  },
});
const log = (message: string) => console.log(`[audit-verify-throughput] ${message}`);
const TSX = join(REPO_ROOT, "node_modules", ".bin", "tsx");

function runVerify(root: string, databaseUrl: string, extra: string[]): { events: number; seconds: number } {
  const started = performance.now();
  const child = spawnSync(TSX, ["--conditions=react-server", join(root, "scripts", "audit-verify.ts"), ...extra], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, AUDIT_CHECKPOINT_FILE: join(root, ".no-checkpoints.jsonl") },
    encoding: "utf8",
  });
  const seconds = (performance.now() - started) / 1000;
  const output = `${child.stdout}${child.stderr}`;
  const match = /Checked ([\d,]+) audit event\(s\)/.exec(output);
  if (child.status !== 0 || !match) throw new Error(`audit:verify failed (${child.status}) in ${root}:\n${output}`);
  return { events: Number(match[1]!.replaceAll(",", "")), seconds };
}

const work = join(REPO_ROOT, ".data", "audit-verify-throughput");
mkdirSync(work, { recursive: true });
const hashedBytesFile = join(work, "hashed-bytes.txt");
const database = await openHarnessDatabase({ name: "audit-verify-throughput", log: () => undefined });
const before = checkout(args.before);
try {
  log(`bulk seed: ${Number(args.decisions).toLocaleString("en-GB")} decisions`);
  const seeded = await bulkSeed({
    ownerUrl: database.ownerUrl,
    decisions: Number(args.decisions),
    hashedBytesFile,
    log,
  });
  const variants: { name: string; run: () => { events: number; seconds: number } }[] = [
    { name: "this tree, worker threads", run: () => runVerify(REPO_ROOT, database.ownerUrl, []) },
    { name: "this tree, --workers 0", run: () => runVerify(REPO_ROOT, database.ownerUrl, ["--workers", "0"]) },
    { name: `${args.before}`, run: () => runVerify(before.root, database.ownerUrl, []) },
  ];
  const rates = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const loopRates: number[] = [];
  const ratios = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let round = 1; round <= Number(args.rounds); round += 1) {
    for (const variant of variants) {
      const loop = await sha256Loop(hashedBytesFile, seeded.lastHash);
      const result = variant.run();
      const rate = result.events / result.seconds;
      const loopRate = loop.events / loop.seconds;
      rates.get(variant.name)!.push(rate);
      loopRates.push(loopRate);
      ratios.get(variant.name)!.push(rate / loopRate);
      log(
        `round ${round}: ${variant.name}: ${result.events.toLocaleString("en-GB")} events in ` +
          `${result.seconds.toFixed(1)} s (${Math.round(rate)}/s); ` +
          `SHA-256 loop just before ${Math.round(loopRate)}/s; ` +
          `ratio ${(rate / loopRate).toFixed(3)}`,
      );
    }
  }
  log(`median SHA-256 loop: ${Math.round(median(loopRates))} events/s`);
  for (const variant of variants) {
    log(
      `median ${variant.name}: ${Math.round(median(rates.get(variant.name)!))} events/s, ` +
        `${median(ratios.get(variant.name)!).toFixed(3)} of the SHA-256 loop`,
    );
  }
} finally {
  before.remove();
  await database.stopServer();
}
