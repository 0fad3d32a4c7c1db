import { afterEach, describe, expect, it, vi } from "vitest";
import { ServiceBusyError, admissionQueue } from "./admission";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("admissionQueue", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs at most `limit` at once and admits the rest first come, first served", async () => {
    const queue = admissionQueue(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      queue.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([queue.running, queue.waiting]).toEqual([2, 2]);
    gates[1]!.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.resolve();
    gates[2]!.resolve();
    gates[3]!.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it("frees the place of work that throws (a redirect is thrown too)", async () => {
    const queue = admissionQueue(1);
    await expect(queue.run(async () => Promise.reject(new Error("NEXT_REDIRECT")))).rejects.toThrow("NEXT_REDIRECT");
    expect(await queue.run(async () => "next")).toBe("next");
    expect(queue.running).toBe(0);
  });

  it("gives up on a wait longer than the limit with ServiceBusyError, and leaves the queue intact", async () => {
    vi.useFakeTimers();
    const queue = admissionQueue(1, 1_000);
    const gate = deferred();
    const first = queue.run(() => gate.promise);
    const second = queue.run(async () => "late");
    const assertion = expect(second).rejects.toBeInstanceOf(ServiceBusyError);
    await vi.advanceTimersByTimeAsync(1_001);
    await assertion;
    expect(queue.waiting).toBe(0);
    gate.resolve();
    await first;
    expect(queue.running).toBe(0);
  });
});
