// `npm run test:faults` (scripts/faults/run.ts): fault tests against the production build on a
// loopback port, with PostgreSQL of their own. Not part of the unit or integration projects.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("../../src", import.meta.url));
const serverOnly = fileURLToPath(new URL("../../node_modules/server-only/empty.js", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": src, "server-only": serverOnly } },
  test: {
    name: "faults",
    root: fileURLToPath(new URL("../..", import.meta.url)),
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/faults/global-setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Each file runs its own server and database; one at a time keeps the timings honest on two cores.
    fileParallelism: false,
  },
});
