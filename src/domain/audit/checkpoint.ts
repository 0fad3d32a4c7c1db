// Signed checkpoints of the audit chains (issue 12, decision 014). The hash chain alone proves
// nothing against whoever owns the database: they can delete events and recompute every later
// hash. So the app, with an Ed25519 key the database never holds, signs each chain's position
// and head hash from time to time, plus a digest of the hashes of the events since the last
// checkpoint; the checkpoints are kept in the database AND in an append-only file elsewhere.
// A rebuilt chain then disagrees with a checkpoint signed before the rebuild, at the first
// event it changed. Pure: keys come in as node:crypto KeyObjects.
import { type KeyObject, createHash, createPublicKey, sign, verify } from "node:crypto";
import { canonicalJson } from "./index";

export const CHECKPOINT_VERSION = 1;

/** What is signed: one chain's head at one moment, and the hashes that led to it. */
export interface CheckpointContent {
  v: typeof CHECKPOINT_VERSION;
  chainKey: string;
  /** Position of the chain's last event when signed. */
  seq: string;
  headHash: string;
  /** The first position covered by eventHashes (the previous checkpoint's seq + 1). */
  fromSeq: string;
  /** SHA-256 over the covered events' hashes, each followed by "\n". */
  eventHashesDigest: string;
  /** ISO 8601, UTC, when signed. */
  at: string;
  keyId: string;
}

/** A checkpoint as stored and as written to the file: the content, the hashes it covers, the signature. */
export interface SignedCheckpoint extends CheckpointContent {
  /** The hashes of events fromSeq..seq, in order. */
  eventHashes: string[];
  /** Base64 Ed25519 signature over canonicalJson(content). */
  signature: string;
}

export function digestEventHashes(hashes: readonly string[]): string {
  const digest = createHash("sha256");
  for (const hash of hashes) digest.update(`${hash}\n`, "utf8");
  return digest.digest("hex");
}

/** A key's id: the first 16 hex digits of SHA-256 over its public key (SPKI DER). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

function signedText(content: CheckpointContent): string {
  const { v, chainKey, seq, headHash, fromSeq, eventHashesDigest, at, keyId } = content;
  return canonicalJson({ v, chainKey, seq, headHash, fromSeq, eventHashesDigest, at, keyId });
}

export function signCheckpoint(
  input: { chainKey: string; seq: bigint; headHash: string; fromSeq: bigint; eventHashes: string[]; at: Date },
  privateKey: KeyObject,
): SignedCheckpoint {
  const keyId = keyIdOf(createPublicKey(privateKey));
  const content: CheckpointContent = {
    v: CHECKPOINT_VERSION,
    chainKey: input.chainKey,
    seq: input.seq.toString(),
    headHash: input.headHash,
    fromSeq: input.fromSeq.toString(),
    eventHashesDigest: digestEventHashes(input.eventHashes),
    at: input.at.toISOString(),
    keyId,
  };
  const signature = sign(null, Buffer.from(signedText(content), "utf8"), privateKey).toString("base64");
  return { ...content, eventHashes: [...input.eventHashes], signature };
}

export type CheckpointProblem = "unknown-key" | "bad-signature" | "hashes-do-not-match" | "malformed";

/** Whether a checkpoint is one of ours, unaltered: signed by a published key, its hashes as signed. */
export function checkCheckpoint(
  checkpoint: SignedCheckpoint,
  publicKeys: ReadonlyMap<string, KeyObject>,
): CheckpointProblem | null {
  const seq = BigInt(checkpoint.seq);
  const fromSeq = BigInt(checkpoint.fromSeq);
  if (seq < fromSeq - 1n || BigInt(checkpoint.eventHashes.length) !== seq - fromSeq + 1n) return "malformed";
  const key = publicKeys.get(checkpoint.keyId);
  if (!key) return "unknown-key";
  const valid = verify(
    null,
    Buffer.from(signedText(checkpoint), "utf8"),
    key,
    Buffer.from(checkpoint.signature, "base64"),
  );
  if (!valid) return "bad-signature";
  if (digestEventHashes(checkpoint.eventHashes) !== checkpoint.eventHashesDigest) return "hashes-do-not-match";
  if (checkpoint.eventHashes.length > 0 && checkpoint.eventHashes.at(-1) !== checkpoint.headHash) return "malformed";
  return null;
}

export type CheckpointBreak =
  /** An event's hash is not the one a signed checkpoint recorded for its position. */
  | { kind: "checkpoint-mismatch"; chainKey: string; chainSeq: bigint; eventId: bigint; signedAt: string }
  /** A signed checkpoint covers positions the chain no longer has (events removed from the end). */
  | {
      kind: "checkpoint-beyond-end";
      chainKey: string;
      checkpointSeq: bigint;
      lastSeq: bigint;
      lastEventId: bigint | null;
      signedAt: string;
    }
  /** A checkpoint that is not validly signed, or whose hashes were altered. */
  | {
      kind: "checkpoint-invalid";
      chainKey: string;
      checkpointSeq: bigint;
      problem: CheckpointProblem;
      signedAt: string;
    };

/**
 * Checks one chain's events, fed in chain order, against its checkpoints: every position a valid
 * checkpoint covers must hold the hash it recorded. Incremental, like createChainVerifier.
 */
export function createCheckpointComparer(
  chainKey: string,
  checkpoints: readonly SignedCheckpoint[],
  publicKeys: ReadonlyMap<string, KeyObject>,
  /** Where the events fed in start (after this position), when not at the chain's beginning. */
  start?: { seq: bigint; eventId: bigint },
) {
  const anchored = new Map<bigint, { hash: string; signedAt: string }>();
  let firstBreak: CheckpointBreak | null = null;
  let highest = 0n;
  let highestAt = "";
  for (const checkpoint of checkpoints) {
    if (checkpoint.chainKey !== chainKey) continue;
    const problem = checkCheckpoint(checkpoint, publicKeys);
    if (problem) {
      firstBreak ??= {
        kind: "checkpoint-invalid",
        chainKey,
        checkpointSeq: BigInt(checkpoint.seq),
        problem,
        signedAt: checkpoint.at,
      };
      continue;
    }
    const fromSeq = BigInt(checkpoint.fromSeq);
    checkpoint.eventHashes.forEach((hash, index) =>
      anchored.set(fromSeq + BigInt(index), { hash, signedAt: checkpoint.at }),
    );
    if (BigInt(checkpoint.seq) > highest) {
      highest = BigInt(checkpoint.seq);
      highestAt = checkpoint.at;
    }
  }
  let lastSeq = start ? start.seq : 0n;
  let lastEventId: bigint | null = start ? start.eventId : null;
  return {
    add(event: { id: bigint; chainSeq: bigint; hash: string }): CheckpointBreak | null {
      if (firstBreak) return firstBreak;
      const expected = anchored.get(event.chainSeq);
      if (expected && expected.hash !== event.hash) {
        firstBreak = {
          kind: "checkpoint-mismatch",
          chainKey,
          chainSeq: event.chainSeq,
          eventId: event.id,
          signedAt: expected.signedAt,
        };
      }
      lastSeq = event.chainSeq;
      lastEventId = event.id;
      return firstBreak;
    },
    finish(): CheckpointBreak | null {
      if (firstBreak) return firstBreak;
      if (highest > lastSeq) {
        firstBreak = {
          kind: "checkpoint-beyond-end",
          chainKey,
          checkpointSeq: highest,
          lastSeq,
          lastEventId,
          signedAt: highestAt,
        };
      }
      return firstBreak;
    },
    /** How many positions valid checkpoints vouch for. */
    get anchoredEvents() {
      return anchored.size;
    },
  };
}

export function describeCheckpointBreak(broken: CheckpointBreak): string {
  switch (broken.kind) {
    case "checkpoint-mismatch":
      return (
        `Chain ${broken.chainKey}: event ${broken.eventId} (position ${broken.chainSeq}) is not the event the ` +
        `checkpoint signed at ${broken.signedAt} recorded there: events at or before it were removed, added or ` +
        "altered, and the chain rebuilt."
      );
    case "checkpoint-beyond-end":
      return broken.lastEventId === null
        ? `Chain ${broken.chainKey}: a checkpoint signed at ${broken.signedAt} records position ` +
            `${broken.checkpointSeq}, but the chain has no events.`
        : `Chain ${broken.chainKey}: a checkpoint signed at ${broken.signedAt} records position ` +
            `${broken.checkpointSeq}, but the last event is event ${broken.lastEventId} at position ` +
            `${broken.lastSeq} (events were removed from the end).`;
    case "checkpoint-invalid":
      return (
        `Chain ${broken.chainKey}: the checkpoint for position ${broken.checkpointSeq} (signed at ` +
        `${broken.signedAt}) is not valid (${broken.problem}).`
      );
  }
}

/** One line of the checkpoint file (JSON Lines), and back. */
export function checkpointLine(checkpoint: SignedCheckpoint): string {
  return `${JSON.stringify(checkpoint)}\n`;
}

export function parseCheckpointLines(text: string): SignedCheckpoint[] {
  const checkpoints: SignedCheckpoint[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const value = JSON.parse(line) as SignedCheckpoint;
    if (value && typeof value === "object" && Array.isArray(value.eventHashes)) checkpoints.push(value);
  }
  return checkpoints;
}

/**
 * A chain's validly signed checkpoints that cover at least one event, latest first: where a
 * verification may start instead of the chain's beginning (audit:verify --from-checkpoint).
 */
export function validCheckpointsLatestFirst(
  chainKey: string,
  checkpoints: readonly SignedCheckpoint[],
  publicKeys: ReadonlyMap<string, KeyObject>,
): SignedCheckpoint[] {
  return checkpoints
    .filter((checkpoint) => checkpoint.chainKey === chainKey && BigInt(checkpoint.seq) > 0n)
    .filter((checkpoint) => checkCheckpoint(checkpoint, publicKeys) === null)
    .sort((a, b) => (BigInt(b.seq) > BigInt(a.seq) ? 1 : BigInt(b.seq) < BigInt(a.seq) ? -1 : 0));
}
