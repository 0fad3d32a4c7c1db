import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src", import.meta.url));
// Server modules import "server-only" to keep them out of client bundles; under Vitest (which is
// not a React Server Components environment) it resolves to its empty module.
const serverOnly = fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url));
const alias = { "@": src, "server-only": serverOnly };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database for the run; files run one at a time so row counts stay predictable.
          fileParallelism: false,
        },
      },
    ],
  },
});
