// A worker thread of audit:verify (chain-hash-pool.ts): hashes batches of COPY lines. Plain
// JavaScript that registers tsx itself, so it starts the same under tsx, Vitest and plain Node.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { hashCopyBatch } = await import("./audit-event-copy.ts");

parentPort.on("message", ({ id, bytes }) => {
  try {
    parentPort.postMessage({ id, batch: hashCopyBatch(bytes) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
