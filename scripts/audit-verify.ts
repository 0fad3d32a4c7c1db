// `npm run audit:verify`: recomputes every audit chain in the database (DATABASE_URL, or the
// embedded one in .data/postgres) and reports the first broken link of each. Exit code 0 when
// every chain is intact, 1 when one is broken, 2 when the check could not run. Read-only: it
// records nothing, so it can also run against a replica or a restored backup.
// `--organisation <id>` checks one organisation's chain ("system" for events with none).
// `--from-checkpoint` starts each chain after its latest validly signed checkpoint that still
// matches it (decision 014): only what was appended since is hashed again.
// `--workers <n>` hashes in n worker threads (default: one per core; 0: in this thread).
// Run with `--conditions=react-server` (package.json does) so the server module's
// `import "server-only"` resolves.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { inThreadHasher } from "@/server/audit/audit-event-copy";
import { createWorkerHasher } from "@/server/audit/chain-hash-pool";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { applyAuditCheckpointDefaults } from "./lib/audit-signing-key";
import { exitWhenDone, withOpenDatabase } from "./lib/database";

const EXIT_BROKEN = 1;
const EXIT_ERROR = 2;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      organisation: { type: "string" },
      "from-checkpoint": { type: "boolean" },
      workers: { type: "string" },
    },
  });
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0) throw new Error("--workers must be a whole number, 0 or more");
  // The chain is checked against the signed checkpoints too (decision 014): the same key and file as the app.
  applyAuditCheckpointDefaults(fileURLToPath(new URL("..", import.meta.url)));
  return withOpenDatabase({ log: (message) => console.error(message) }, async (database) => {
    const hasher = workers > 0 ? await createWorkerHasher(workers) : inThreadHasher;
    const result = await verifyAuditChains(database.url, {
      chainKey: values.organisation,
      fromCheckpoint: values["from-checkpoint"],
      hasher,
    }).finally(() => hasher.close());
    const scope = values.organisation ? `chain ${values.organisation}` : `${result.chains} chain(s)`;
    const rate =
      result.seconds > 0
        ? ` (${Math.round(result.eventsChecked / result.seconds).toLocaleString("en-GB")} events/s)`
        : "";
    console.log(
      `Checked ${result.eventsChecked.toLocaleString("en-GB")} audit event(s) in ${scope} ` +
        `in ${result.seconds.toFixed(2)} s${rate}.`,
    );
    for (const { chainKey, seq } of result.startedFromCheckpoints) {
      console.log(`  Chain ${chainKey}: from the signed checkpoint at position ${seq} (events up to it not hashed).`);
    }
    if (result.breaks.length === 0) {
      console.log(
        "Intact: every event matches its hash and links to the one before it, " +
          "every chain head matches its last event, and every signed checkpoint matches the chain.",
      );
      return 0;
    }
    console.log(`BROKEN: ${result.breaks.length} chain(s) fail verification. First broken link of each:`);
    for (const broken of result.breaks) {
      const where = broken.eventId === null ? "no event" : `event id ${broken.eventId}`;
      console.log(
        `  - ${where} (chain ${broken.chainKey}, position ${broken.chainSeq ?? "-"}, ${broken.kind}): ` +
          broken.message,
      );
    }
    return EXIT_BROKEN;
  });
}

exitWhenDone(main(), "Audit verification could not run:", EXIT_ERROR);
