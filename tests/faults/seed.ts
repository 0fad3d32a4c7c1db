import { fastCheckSeedFrom } from "../property/fast-check-seed.global";

// One fast-check seed per run: taken from FC_SEED (scripts/faults/run.ts sets one for the whole
// run and prints it), otherwise chosen here and printed, so any failure can be replayed with
// `FC_SEED=<seed> npm run test:faults -- <file>`. Parsed as the Vitest projects parse it.
export function propertySeed(): number {
  const drawn = process.env.FC_SEED === undefined || process.env.FC_SEED.trim() === "";
  const seed = fastCheckSeedFrom(process.env.FC_SEED, () => Math.floor(Math.random() * 2 ** 31));
  process.env.FC_SEED = String(seed);
  if (drawn) console.log(`[faults] fast-check seed ${seed} (replay with FC_SEED=${seed})`);
  return seed;
}
