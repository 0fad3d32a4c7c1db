import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";

/**
 * The floor for audit:verify: SHA-256 of every event's hashed bytes (one line each in the file the
 * bulk seed wrote), one after another, in one thread. Its last hash must be the chain head's.
 */
export async function sha256Loop(hashedBytesFile: string, expectedLastHash: string) {
  const started = performance.now();
  let hashSeconds = 0;
  let hashed = 0;
  let bytes = 0;
  let last = "";
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(hashedBytesFile, {
    highWaterMark: 8 * 1024 * 1024,
  }) as AsyncIterable<Buffer>) {
    const buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    const t = performance.now();
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, start)) {
      last = createHash("sha256").update(buffer.subarray(start, i)).digest("hex");
      bytes += i - start;
      hashed += 1;
      start = i + 1;
    }
    hashSeconds += (performance.now() - t) / 1000;
    carry = Buffer.from(buffer.subarray(start));
  }
  const seconds = (performance.now() - started) / 1000;
  if (last !== expectedLastHash)
    throw new Error("the SHA-256 loop did not reproduce the chain's last hash: it did not hash the same bytes");
  return { events: hashed, bytes, seconds, hashSeconds };
}
