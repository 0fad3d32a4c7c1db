// Vitest setup file: every fast-check property in this file uses the run's seed (see
// fast-check-seed.global.ts), so `FC_SEED=<n>` replays exactly the inputs of a red run.
import fc from "fast-check";
import { inject } from "vitest";

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: inject("fastCheckSeed") });
