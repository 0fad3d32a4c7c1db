import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkCheckpoint,
  createCheckpointComparer,
  keyIdOf,
  parseCheckpointLines,
  checkpointLine,
  signCheckpoint,
} from "./checkpoint";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const other = generateKeyPairSync("ed25519");
const keys = new Map([[keyIdOf(publicKey), publicKey]]);
const hashes = ["a", "b", "c"].map((c) => c.repeat(64));
const at = new Date("2026-11-29T12:00:00.000Z");
const signed = signCheckpoint(
  { chainKey: "org-1", seq: 3n, headHash: hashes[2]!, fromSeq: 1n, eventHashes: hashes, at },
  privateKey,
);

describe("signed checkpoints", () => {
  it("verify with the published key, survive the file round trip, and fail when anything signed changes", () => {
    expect(checkCheckpoint(signed, keys)).toBeNull();
    expect(parseCheckpointLines(checkpointLine(signed) + checkpointLine(signed))).toEqual([signed, signed]);
    expect(checkCheckpoint({ ...signed, headHash: "d".repeat(64) }, keys)).toBe("bad-signature");
    expect(checkCheckpoint({ ...signed, at: "2026-11-29T12:00:01.000Z" }, keys)).toBe("bad-signature");
    expect(checkCheckpoint({ ...signed, eventHashes: ["e".repeat(64), hashes[1]!, hashes[2]!] }, keys)).toBe(
      "hashes-do-not-match",
    );
    expect(checkCheckpoint(signed, new Map([[keyIdOf(other.publicKey), other.publicKey]]))).toBe("unknown-key");
    expect(
      checkCheckpoint(
        { ...signed, keyId: keyIdOf(other.publicKey) },
        new Map([[keyIdOf(other.publicKey), other.publicKey]]),
      ),
    ).toBe("bad-signature");
  });
});

describe("createCheckpointComparer", () => {
  const feed = (events: string[]) => {
    const comparer = createCheckpointComparer("org-1", [signed], keys);
    events.forEach((hash, i) => comparer.add({ id: BigInt(100 + i), chainSeq: BigInt(i + 1), hash }));
    return comparer.finish();
  };

  it("passes a chain that still holds the signed hashes, and names the first position that does not", () => {
    expect(feed([...hashes, "f".repeat(64)])).toBeNull();
    expect(feed([hashes[0]!, "x".repeat(64), "y".repeat(64)])).toMatchObject({
      kind: "checkpoint-mismatch",
      chainSeq: 2n,
      eventId: 101n,
    });
  });

  it("reports a chain cut short of a checkpoint, and an invalid checkpoint", () => {
    expect(feed(hashes.slice(0, 2))).toMatchObject({
      kind: "checkpoint-beyond-end",
      checkpointSeq: 3n,
      lastSeq: 2n,
      lastEventId: 101n,
    });
    const flipped = `${signed.signature.startsWith("A") ? "B" : "A"}${signed.signature.slice(1)}`;
    const comparer = createCheckpointComparer("org-1", [{ ...signed, signature: flipped }], keys);
    expect(comparer.finish()).toMatchObject({ kind: "checkpoint-invalid" });
  });
});
