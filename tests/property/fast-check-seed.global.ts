// Vitest global setup: one fast-check seed for the whole run, so a red run can be replayed.
// FC_SEED=<n> replays a run; without it a seed is drawn once here and printed. fast-check prints the
// seed (and the path to the failing case) in every failure, and the setup file
// (fast-check-seed.ts) makes every property in every worker use this one.
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    fastCheckSeed: number;
  }
}

export function fastCheckSeedFrom(value: string | undefined, draw: () => number): number {
  if (value === undefined || value.trim() === "") return draw();
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got '${value}'.`);
  return seed;
}

export default function setup(project: TestProject): void {
  const seed = fastCheckSeedFrom(process.env.FC_SEED, () => Math.floor(Math.random() * 2 ** 31));
  // Later projects in the same run see the same seed.
  process.env.FC_SEED = String(seed);
  console.log(`[${project.name}] fast-check seed ${seed} (replay with FC_SEED=${seed})`);
  project.provide("fastCheckSeed", seed);
}
