// Runs in each integration worker before its test file: app code (src/server/infra/env.ts reads
// process.env on first use) then connects to the run's migrated test database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-secret-integration-secret";
