import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { intervalFromEnv, startBackgroundTimer } from "./background-timer";

describe("startBackgroundTimer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("starts once per name, skips a tick while the last runs, reports a run of failures once", async () => {
    const name = `test.timer.${Math.random()}`;
    const failed = vi.fn();
    const recovered = vi.fn();
    let finish: () => void = () => {};
    const outcomes: ("ok" | "fail" | "hang")[] = ["hang", "fail", "fail", "ok", "ok"];
    const run = vi.fn(async () => {
      const next = outcomes.shift();
      if (next === "hang") await new Promise<void>((resolve) => (finish = resolve));
      if (next === "fail") throw new Error("database down");
    });
    const prepare = vi.fn(() => ({ intervalMs: 1000, run, failed, recovered }));
    startBackgroundTimer(name, prepare);
    startBackgroundTimer(name, prepare);
    expect(prepare).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(1000); // the first tick still runs: skipped
    expect(run).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(3000); // fail, fail, ok
    expect(run).toHaveBeenCalledTimes(4);
    expect(failed).toHaveBeenCalledTimes(1);
    expect(recovered).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(recovered).toHaveBeenCalledTimes(1);
  });

  it("does not start, and may start later, when prepare gives no job", () => {
    const name = `test.timer.${Math.random()}`;
    const prepare = vi.fn(() => null);
    startBackgroundTimer(name, prepare);
    startBackgroundTimer(name, prepare);
    expect(prepare).toHaveBeenCalledTimes(2);
  });
});

describe("intervalFromEnv", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("keeps the pace within its bounds and falls back when unset or not a number", () => {
    expect(intervalFromEnv("TEST_TIMER_INTERVAL", 5000, 200, 60_000)).toBe(5000);
    vi.stubEnv("TEST_TIMER_INTERVAL", "50");
    expect(intervalFromEnv("TEST_TIMER_INTERVAL", 5000, 200, 60_000)).toBe(200);
    vi.stubEnv("TEST_TIMER_INTERVAL", "999999");
    expect(intervalFromEnv("TEST_TIMER_INTERVAL", 5000, 200, 60_000)).toBe(60_000);
    vi.stubEnv("TEST_TIMER_INTERVAL", "soon");
    expect(intervalFromEnv("TEST_TIMER_INTERVAL", 5000, 200, 60_000)).toBe(5000);
  });
});
