// What `npm run audit:verify` does (scripts/audit-verify.ts is its command line), as a function that
// returns the exit code: 0 when every chain is intact, 1 when one is broken, 2 when the check could
// not run. Tests run it in-process (tests/integration/audit-verify.test.ts); spawning a process per
// case cost seconds each.
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { inThreadHasher } from "@/server/audit/audit-event-copy";
import { createWorkerHasher } from "@/server/audit/chain-hash-pool";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { applyAuditCheckpointDefaults } from "./audit-signing-key";
import { type OpenDatabase, withOpenDatabase } from "./database";
import { REPO_ROOT } from "./migrations";

export const EXIT_BROKEN = 1;
export const EXIT_ERROR = 2;

export interface AuditVerifyOutput {
  log(line: string): void;
  error(line: string): void;
}

export interface AuditVerifyOptions {
  output?: AuditVerifyOutput;
  /** The database to check; when absent, DATABASE_URL or the embedded one (withOpenDatabase). */
  databaseUrl?: string;
}

/** Runs the verification for `args` (as on the command line) and returns the exit code. */
export async function auditVerify(args: string[], options: AuditVerifyOptions = {}): Promise<number> {
  const output = options.output ?? console;
  try {
    return await verify(args, output, options.databaseUrl);
  } catch (error) {
    output.error(`Audit verification could not run: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_ERROR;
  }
}

async function verify(args: string[], output: AuditVerifyOutput, databaseUrl: string | undefined): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      organisation: { type: "string" },
      "from-checkpoint": { type: "boolean" },
      workers: { type: "string" },
    },
  });
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0) throw new Error("--workers must be a whole number, 0 or more");
  // The chain is checked against the signed checkpoints too (decision 014): the same key and file as the app.
  applyAuditCheckpointDefaults(REPO_ROOT);
  const onDatabase = (task: (database: Pick<OpenDatabase, "url">) => Promise<number>) =>
    databaseUrl === undefined
      ? withOpenDatabase({ log: (line) => output.error(line) }, task)
      : task({ url: databaseUrl });
  return onDatabase(async (database) => {
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
    output.log(
      `Checked ${result.eventsChecked.toLocaleString("en-GB")} audit event(s) in ${scope} ` +
        `in ${result.seconds.toFixed(2)} s${rate}.`,
    );
    for (const { chainKey, seq } of result.startedFromCheckpoints) {
      output.log(`  Chain ${chainKey}: from the signed checkpoint at position ${seq} (events up to it not hashed).`);
    }
    if (result.breaks.length === 0) {
      output.log(
        "Intact: every event matches its hash and links to the one before it, " +
          "every chain head matches its last event, and every signed checkpoint matches the chain.",
      );
      return 0;
    }
    output.log(`BROKEN: ${result.breaks.length} chain(s) fail verification. First broken link of each:`);
    for (const broken of result.breaks) {
      const where = broken.eventId === null ? "no event" : `event id ${broken.eventId}`;
      output.log(
        `  - ${where} (chain ${broken.chainKey}, position ${broken.chainSeq ?? "-"}, ${broken.kind}): ` +
          broken.message,
      );
    }
    return EXIT_BROKEN;
  });
}
