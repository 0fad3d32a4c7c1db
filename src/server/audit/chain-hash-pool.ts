// Where audit:verify hashes a chain's events: in the calling thread, or spread over worker
// threads. Batches of one chain may go to different workers, because an event's hash depends
// only on its own row; the links between events are checked afterwards, in chain order, by the
// caller. Not imported by the app (the IG lead's button verifies one chain in this thread), so
// its bundler never meets the worker.
import { Worker } from "node:worker_threads";
import type { ChainHasher, HashedBatch } from "./audit-event-copy";

type Reply = { id: number; batch: HashedBatch; error?: undefined } | { id: number; error: string };

/** `size` worker threads; batches go to the one with the fewest waiting. */
export async function createWorkerHasher(size: number): Promise<ChainHasher> {
  if (!Number.isInteger(size) || size < 1) throw new Error("a worker hasher needs at least one worker");
  const workers = Array.from({ length: size }, () => {
    // No inherited loader flags or conditions: the worker registers tsx itself.
    const worker = new Worker(new URL("./chain-hash-worker.mjs", import.meta.url), { execArgv: [] });
    const waiting = new Map<number, { resolve: (batch: HashedBatch) => void; reject: (error: Error) => void }>();
    const failAll = (error: Error) => {
      for (const { reject } of waiting.values()) reject(error);
      waiting.clear();
    };
    worker.on("message", (reply: Reply) => {
      const entry = waiting.get(reply.id);
      waiting.delete(reply.id);
      if (reply.error !== undefined) entry?.reject(new Error(`audit hash worker: ${reply.error}`));
      else entry?.resolve(reply.batch);
    });
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`audit hash worker exited with code ${code}`)));
    return { worker, waiting };
  });
  let nextId = 0;
  return {
    capacity: size * 2,
    hash(bytes) {
      const target = workers.reduce((least, w) => (w.waiting.size < least.waiting.size ? w : least));
      const id = nextId++;
      return new Promise<HashedBatch>((resolve, reject) => {
        target.waiting.set(id, { resolve, reject });
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        // A batch that owns its memory is moved, not copied.
        if (whole && bytes.buffer instanceof ArrayBuffer) target.worker.postMessage({ id, bytes }, [bytes.buffer]);
        else target.worker.postMessage({ id, bytes });
      });
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
