// Runs `prisma generate` without network access.
// The Prisma 7 CLI tries to download a native schema engine before any command, even though
// `generate` never uses it. Pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file skips the
// download (see docs/decisions/002-prisma-offline.md).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
