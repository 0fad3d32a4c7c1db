// One fast-check seed per run: taken from FC_SEED (scripts/faults/run.ts sets one for the whole
// run and prints it), otherwise chosen here and printed, so any failure can be replayed with
// `FC_SEED=<seed> npm run test:faults -- <file>`. fast-check names the seed and path on failure too.
export function propertySeed(): number {
  const fromEnv = process.env.FC_SEED;
  if (fromEnv !== undefined && fromEnv !== "") {
    const seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${JSON.stringify(fromEnv)}`);
    return seed;
  }
  const seed = (Date.now() ^ Math.floor(Math.random() * 0x100000000)) | 0;
  process.env.FC_SEED = String(seed);
  console.log(`[faults] fast-check seed ${seed} (replay with FC_SEED=${seed})`);
  return seed;
}
