import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src", import.meta.url));
// Server modules import "server-only" to keep them out of client bundles; under Vitest (which is
// not a React Server Components environment) it resolves to its empty module.
const serverOnly = fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url));
const alias = { "@": src, "server-only": serverOnly };

// One fast-check seed per run, printed, replayable with FC_SEED (tests/property/fast-check-seed*.ts).
const fastCheckSeed = {
  globalSetup: "tests/property/fast-check-seed.global.ts",
  setupFile: "tests/property/fast-check-seed.ts",
};

// Integration and scale: one PostgreSQL per run, a migrated and seeded template database, and a
// clone of it per test file, connected as the app's role (see docs/decisions/011-test-projects.md).
const database = {
  environment: "node" as const,
  globalSetup: ["tests/integration/global-setup.ts", fastCheckSeed.globalSetup],
  setupFiles: ["tests/integration/setup-env.ts", fastCheckSeed.setupFile],
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "tests/property/**/*.test.ts"],
          environment: "node",
          // Property tests run hundreds of cases; 5 s was too little on a loaded two-core machine.
          testTimeout: 30_000,
          // Vitest's default is one worker fewer than the cores: one worker on a two-core machine, which
          // left a core idle while each file's imports were loaded.
          maxWorkers: 2,
          // Pure code: each worker loads a module once for all its files instead of once per file. Loading
          // was most of the phase (import 24.7 s of 38.8 s); with this its CPU time fell to a third
          // (decision 011, round 8). A test that changes timers or the environment puts them back itself.
          isolate: false,
          globalSetup: [fastCheckSeed.globalSetup],
          setupFiles: [fastCheckSeed.setupFile],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          ...database,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file has a database of its own, so files run side by side. Three workers keep two
          // cores busy while PostgreSQL, not Node, does much of the work.
          fileParallelism: true,
          maxWorkers: 3,
        },
      },
      {
        // Not part of `npm test`: `.ci/run` runs it (`npm test -- scale`).
        resolve: { alias },
        test: {
          name: "scale",
          include: ["tests/scale/**/*.test.ts"],
          ...database,
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // One at a time: each is a load or timing test that wants the machine to itself.
          fileParallelism: false,
        },
      },
    ],
  },
});
