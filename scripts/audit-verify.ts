// `npm run audit:verify`: recomputes every audit chain in the database (DATABASE_URL, or the
// embedded one in .data/postgres) and reports the first broken link of each. Exit code 0 when
// every chain is intact, 1 when one is broken, 2 when the check could not run. Read-only: it
// records nothing, so it can also run against a replica or a restored backup.
// `--organisation <id>` checks one organisation's chain ("system" for events with none).
// Run with `--conditions=react-server` (package.json does) so the server module's
// `import "server-only"` resolves.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { applyAuditCheckpointDefaults } from "./lib/audit-signing-key";
import { exitWhenDone, withOpenDatabase } from "./lib/database";

const EXIT_BROKEN = 1;
const EXIT_ERROR = 2;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { organisation: { type: "string" } } });
  // The chain is checked against the signed checkpoints too (decision 014): the same key and file as the app.
  applyAuditCheckpointDefaults(fileURLToPath(new URL("..", import.meta.url)));
  return withOpenDatabase({ log: (message) => console.error(message) }, async (database) => {
    const result = await verifyAuditChains(database.url, { chainKey: values.organisation });
    const scope = values.organisation ? `chain ${values.organisation}` : `${result.chains} chain(s)`;
    const rate =
      result.seconds > 0
        ? ` (${Math.round(result.eventsChecked / result.seconds).toLocaleString("en-GB")} events/s)`
        : "";
    console.log(
      `Checked ${result.eventsChecked.toLocaleString("en-GB")} audit event(s) in ${scope} ` +
        `in ${result.seconds.toFixed(2)} s${rate}.`,
    );
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
