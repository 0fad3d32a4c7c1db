// `npm run audit:verify`: recomputes every audit chain in the database (DATABASE_URL, or the
// embedded one in .data/postgres) and reports the first broken link of each. Exit code 0 when
// every chain is intact, 1 when one is broken, 2 when the check could not run. Read-only: it
// records nothing, so it can also run against a replica or a restored backup.
// `--organisation <id>` checks one organisation's chain ("system" for events with none).
// `--from-checkpoint` starts each chain after its latest validly signed checkpoint that still
// matches it (decision 014): only what was appended since is hashed again.
// `--workers <n>` hashes in n worker threads (default: one per core; 0: in this thread).
// Run with `--conditions=react-server` (package.json does) so the server module's
// `import "server-only"` resolves. The work itself is in scripts/lib/audit-verify-command.ts.
import { auditVerify } from "./lib/audit-verify-command";

// exitCode rather than process.exit(): exiting early would skip stopping PostgreSQL.
void auditVerify(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
