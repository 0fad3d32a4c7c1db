// `npm run audit:checkpoint`: signs a checkpoint now for every audit chain with events since its
// last one (the running app does this every minute; decision 014), stores it in the database and
// appends it to AUDIT_CHECKPOINT_FILE. Uses DATABASE_URL, or the embedded database in .data/.
// Run with `--conditions=react-server` (package.json does) so `import "server-only"` resolves.
import { fileURLToPath } from "node:url";
import { writeAuditCheckpoints } from "@/server/audit/write-audit-checkpoints";
import { applyAuditCheckpointDefaults } from "./lib/audit-signing-key";
import { exitWhenDone, withOpenDatabase } from "./lib/database";

async function main(): Promise<number> {
  const settings = applyAuditCheckpointDefaults(fileURLToPath(new URL("..", import.meta.url)));
  return withOpenDatabase({ log: (message) => console.error(message) }, async (database) => {
    const written = await writeAuditCheckpoints(database.url);
    for (const checkpoint of written) {
      console.log(`Signed chain ${checkpoint.chainKey} at position ${checkpoint.seq} (key ${checkpoint.keyId}).`);
    }
    console.log(`${written.length} checkpoint(s) written; also appended to ${settings.AUDIT_CHECKPOINT_FILE}.`);
    return 0;
  });
}

exitWhenDone(main(), "Audit checkpoint could not be written:", 2);
