#!/usr/bin/env node
// Checks an exported InfoShare audit log offline, with nothing but Node.js (20 or later) and the
// app's public key(s) (GET /api/audit/public-keys, or the IG lead's checkpoint download). No
// database, no project code, no packages: anyone given the three files can run it.
//
//   node scripts/verify-export.mjs --export audit-events.csv --checkpoints checkpoints.jsonl \
//        --public-key audit-key.pem [--public-key old-key.pem] [--organisation <id>]
//
// It checks that (1) every checkpoint is signed by one of the public keys and its list of event
// hashes is the one signed; (2) every exported event's content hashes to its recorded hash;
// (3) consecutive events link (prev_hash); (4) every event at a position a checkpoint covers has
// the hash the checkpoint recorded there, so an export rebuilt after the fact does not pass.
// With --complete (an export of the whole log, not filtered) a missing position is an error too.
// Exit code 0: the export matches; 1: it does not (the first problem is named); 2: could not run.
// An export filtered by date or action has gaps: the links across a gap cannot be checked, each
// event's own hash and its checkpoint still are. See docs/security.md.
import { createHash, createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const GENESIS = "0".repeat(64);

function canonicalJson(value) {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const parts = [];
  for (const key of Object.keys(value).sort()) {
    if (value[key] === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(value[key])}`);
  }
  return `{${parts.join(",")}}`;
}

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

/** RFC 4180 as the app writes it (CRLF, quotes doubled), BOM skipped. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 1;
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The export writes "'" before a cell a spreadsheet would read as a formula; the hash is of the original. */
function cell(value) {
  if (value === undefined || value === "") return null;
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function readExport(path) {
  const text = readFileSync(path, "utf8");
  if (/^\s*[[{]/.test(text.replace(/^\uFEFF/, ""))) {
    const json = JSON.parse(text.replace(/^\uFEFF/, ""));
    return Array.isArray(json) ? json : json.events;
  }
  const [header, ...rows] = parseCsv(text);
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((name, i) => [name, cell(r[i])])));
}

function keyIdOf(key) {
  return createHash("sha256")
    .update(key.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

function checkpointProblem(cp, keys) {
  const key = keys.get(cp.keyId);
  if (!key) return `signed with key ${cp.keyId}, which is not among the public keys given`;
  const { v, chainKey, seq, headHash, fromSeq, eventHashesDigest, at, keyId } = cp;
  const signed = canonicalJson({ v, chainKey, seq, headHash, fromSeq, eventHashesDigest, at, keyId });
  const valid = verify(null, Buffer.from(signed, "utf8"), key, Buffer.from(cp.signature, "base64"));
  if (!valid) return "its signature does not verify";
  const digest = createHash("sha256");
  for (const hash of cp.eventHashes) digest.update(`${hash}\n`, "utf8");
  if (digest.digest("hex") !== eventHashesDigest) return "its list of event hashes is not the one signed";
  const expectedLength = BigInt(seq) - BigInt(fromSeq) + 1n;
  if (BigInt(cp.eventHashes.length) !== expectedLength) return "its list of event hashes has the wrong length";
  return null;
}

function main() {
  const { values } = parseArgs({
    options: {
      export: { type: "string" },
      checkpoints: { type: "string" },
      "public-key": { type: "string", multiple: true },
      organisation: { type: "string" },
      complete: { type: "boolean", default: false },
    },
  });
  if (!values.export || !values.checkpoints || !values["public-key"]?.length) {
    console.error(
      "Usage: node verify-export.mjs --export <csv|json> --checkpoints <jsonl> --public-key <pem> " +
        "[--public-key <pem>…] [--organisation <id>] [--complete]",
    );
    return 2;
  }
  const keys = new Map();
  for (const file of values["public-key"]) {
    const pems = readFileSync(file, "utf8").match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
    for (const pem of pems) {
      const key = createPublicKey(pem);
      keys.set(keyIdOf(key), key);
    }
  }
  const lines = readFileSync(values.checkpoints, "utf8").split("\n");
  const checkpoints = lines.filter((l) => l.trim()).map((l) => JSON.parse(l));
  const chainKeys = [...new Set(checkpoints.map((c) => c.chainKey))];
  const organisation = values.organisation ?? chainKeys.find((k) => k !== "system");
  if (!organisation) {
    console.error("Give --organisation: the checkpoint file names no organisation's chain.");
    return 2;
  }
  const anchored = new Map();
  for (const cp of checkpoints) {
    if (cp.chainKey !== organisation) continue;
    const problem = checkpointProblem(cp, keys);
    if (problem) {
      console.log(`NOT VERIFIED: the checkpoint for position ${cp.seq} (signed ${cp.at}): ${problem}.`);
      return 1;
    }
    cp.eventHashes.forEach((hash, i) => anchored.set(BigInt(cp.fromSeq) + BigInt(i), hash));
  }

  const events = readExport(values.export);
  let previous = null;
  let covered = 0;
  for (const row of events) {
    const seq = BigInt(row.chain_seq);
    const event = {
      chainKey: organisation,
      chainSeq: seq.toString(),
      at: row.at,
      actorId: row.actor_id ?? null,
      actorRole: row.actor_role ?? null,
      organisationId: organisation,
      action: row.action,
      objectType: row.object_type ?? null,
      objectId: row.object_id ?? null,
      caseReference: row.case_reference ?? null,
      requestId: row.request_id ?? null,
      ip: row.ip ?? null,
      outcome: row.outcome,
      detail: typeof row.detail === "string" ? JSON.parse(row.detail) : (row.detail ?? {}),
      prevHash: row.prev_hash,
    };
    const where = `event ${row.id} (position ${seq})`;
    const expectedSeq = previous ? previous.seq + 1n : 1n;
    if (values.complete && seq !== expectedSeq) {
      console.log(`NOT VERIFIED: the export is said to be complete, but position ${expectedSeq} is missing.`);
      return 1;
    }
    if (sha256(canonicalJson(event)) !== row.hash) {
      console.log(`NOT VERIFIED: ${where} has been altered: its content does not match its hash.`);
      return 1;
    }
    const unlinked = previous && previous.seq + 1n === seq && previous.hash !== row.prev_hash;
    if ((seq === 1n && row.prev_hash !== GENESIS) || unlinked) {
      console.log(`NOT VERIFIED: ${where} does not link to the event before it.`);
      return 1;
    }
    const expected = anchored.get(seq);
    if (expected !== undefined) {
      covered += 1;
      if (expected !== row.hash) {
        console.log(`NOT VERIFIED: ${where} is not the event the signed checkpoints recorded at that position.`);
        return 1;
      }
    }
    previous = { seq, hash: row.hash };
  }
  const lastAnchored = [...anchored.keys()].reduce((a, b) => (b > a ? b : a), 0n);
  if (values.complete && (previous?.seq ?? 0n) < lastAnchored) {
    console.log(`NOT VERIFIED: the export is said to be complete, but the checkpoints go on to ${lastAnchored}.`);
    return 1;
  }
  console.log(`VERIFIED: ${events.length} event(s) match their hashes; ${covered} are covered by signed checkpoints.`);
  if (covered < events.length) {
    const newer = events.length - covered;
    console.log(`${newer} event(s) are newer than the last checkpoint given: only their own hashes were checked.`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`Could not verify: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 2;
}
