import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { fastCheckSeedFrom } from "./fast-check-seed.global";

describe("the run's fast-check seed", () => {
  it("is the one every property in this file uses", () => {
    expect(fc.readConfigureGlobal().seed).toBe(inject("fastCheckSeed"));
    // Same seed, same inputs: what makes a red run replayable.
    const draw = () => fc.sample(fc.string(), { numRuns: 5 });
    expect(draw()).toEqual(draw());
  });

  it("comes from FC_SEED when set, and is drawn otherwise", () => {
    expect(fastCheckSeedFrom("42", () => 7)).toBe(42);
    expect(fastCheckSeedFrom("-3", () => 7)).toBe(-3);
    expect(fastCheckSeedFrom(undefined, () => 7)).toBe(7);
    expect(fastCheckSeedFrom(" ", () => 7)).toBe(7);
    expect(() => fastCheckSeedFrom("abc", () => 7)).toThrow("FC_SEED must be an integer");
  });
});
