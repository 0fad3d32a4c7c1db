// `npm run db:migrate`: bring the database (DATABASE_URL, or the embedded one in .data/postgres)
// up to date with prisma/migrations. The offline stand-in for `prisma migrate deploy`.
import { withOpenDatabase } from "./lib/database";
import { applyMigrations, formatMigrationStatus, MigrationError, migrationStatus } from "./lib/migrations";

const log = (message: string) => console.log(message);

async function main(): Promise<void> {
  await withOpenDatabase({ log }, async (database) => {
    const { applied, alreadyApplied } = await applyMigrations(database.url, { log });
    if (applied.length === 0) {
      console.log(`No pending migrations (${alreadyApplied} already applied).`);
    } else {
      console.log(
        `Applied ${applied.length} migration(s): ${applied.join(", ")} (${alreadyApplied} were already applied).`,
      );
    }
    console.log(formatMigrationStatus(await migrationStatus(database.url)));
  });
}

// exitCode rather than process.exit(): exiting inside the try would skip stopping PostgreSQL.
main().catch((error: unknown) => {
  if (error instanceof MigrationError) {
    console.error(`Migration failed (${error.code}):\n${error.message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
