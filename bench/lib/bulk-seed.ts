// Bulk data for the list, search, export and verification figures: one organisation ("Bench
// Borough Council") with one team whose supervisor's queue holds every decision, 1,000,000
// decisions and a valid hash chain of 5,000,000 audit events (five per decision: the draft is
// started and saved twice, the decision recorded, then viewed). Loaded with COPY (pg-copy-streams),
// with the tables' secondary indexes dropped during the load and rebuilt afterwards, as a bulk
// load into a real deployment would be done. The chain is hashed by the domain's own code, and
// every hashed byte is also written to a file so that audit:verify can be compared with a plain
// SHA-256 loop over exactly the same bytes.
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { GENESIS_HASH, type JsonValue, canonicalJson, hashableContent } from "../../src/domain/audit";
import { newDecisionReference } from "../../src/server/decisions/reference";

export interface BulkSeedOptions {
  ownerUrl: string;
  decisions: number;
  /** Written to while hashing: one line per event, the exact bytes hashed. */
  hashedBytesFile: string;
  log: (message: string) => void;
}

export interface BenchOrganisation {
  organisationId: string;
  teamId: string;
  supervisorId: string;
  igLeadId: string;
  practitionerIds: string[];
}

export interface BulkSeedResult extends BenchOrganisation {
  decisions: number;
  auditEvents: number;
  lastHash: string;
  hashedBytes: number;
  seconds: { decisions: number; auditEvents: number; queue: number; indexes: number; analyse: number };
  /** Decision references and ids useful as filters. */
  samples: { reference: string; caseReference: string; practitionerId: string; deepAuditEventId: string };
}

const PRACTITIONERS = 200;
const EVENTS_PER_DECISION = 5;
const START = Date.parse("2025-01-01T08:00:00.000Z");
/** Events are 6.3 s apart: 5,000,000 of them span a year. */
const EVENT_SPACING_MS = 6_300;

/** Small, fast, deterministic PRNG (mulberry32), so every run seeds the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value for COPY … (FORMAT csv): NULL is an unquoted empty field. */
export function csv(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) || text === "" ? `"${text.replaceAll('"', '""')}"` : text;
}

function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v}"`).join(",")}}`;
}

/**
 * canonicalJson(hashableContent(event)) for this generator's events, written out directly (keys in
 * sorted order, values JSON-encoded): about three times faster, and checked against the domain's
 * own serialiser as the seed runs.
 */
function fastCanonical(e: {
  chainKey: string;
  chainSeq: bigint;
  at: Date;
  actorId: string;
  actorRole: string;
  organisationId: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  caseReference: string | null;
  requestId: string;
  ip: string;
  outcome: string;
  detail: { [key: string]: JsonValue };
  prevHash: string;
}): string {
  const q = (value: string | null) => (value === null ? "null" : JSON.stringify(value));
  return (
    `{"action":${q(e.action)},"actorId":${q(e.actorId)},"actorRole":${q(e.actorRole)},"at":"${e.at.toISOString()}",` +
    `"caseReference":${q(e.caseReference)},"chainKey":${q(e.chainKey)},"chainSeq":"${e.chainSeq}",` +
    `"detail":${canonicalJson(e.detail)},"ip":${q(e.ip)},"objectId":${q(e.objectId)},"objectType":${q(e.objectType)},` +
    `"organisationId":${q(e.organisationId)},` +
    `"outcome":${q(e.outcome)},"prevHash":"${e.prevHash}","requestId":${q(e.requestId)}}`
  );
}

type Detail = { [key: string]: JsonValue };

/** One generated audit event before it is placed in the chain. */
interface BenchEvent {
  actor: string;
  role: string;
  action: string;
  objectType: string;
  objectId: string;
  caseReference: string | null;
  outcome: "SUCCESS" | "DENIED";
  detail: Detail;
}

function auditEvent(
  actor: string,
  role: string,
  action: string,
  [objectType, objectId]: [string, string],
  caseReference: string | null,
  detail: Detail,
  outcome: BenchEvent["outcome"] = "SUCCESS",
): BenchEvent {
  return { actor, role, action, objectType, objectId, caseReference, outcome, detail };
}

export async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}

export interface SavedIndex {
  name: string;
  definition: string;
}

/** Drops the secondary indexes of `table` (not the primary key, nor any backing a constraint). */
export async function dropSecondaryIndexes(client: pg.Client, table: string): Promise<SavedIndex[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = $1::regclass AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [table],
  );
  for (const index of rows) await client.query(`DROP INDEX ${pg.escapeIdentifier(index.name)}`);
  return rows;
}

export async function copyInto(
  client: pg.Client,
  sql: string,
  produce: (stream: Writable) => Promise<void>,
): Promise<void> {
  const stream = client.query(copyFrom(sql));
  const done = finished(stream);
  await produce(stream);
  stream.end();
  await done;
}

export async function createBenchOrganisation(client: pg.Client): Promise<BenchOrganisation> {
  const organisationId = randomUUID();
  const teamId = randomUUID();
  const supervisorId = randomUUID();
  const igLeadId = randomUUID();
  const practitionerIds = Array.from({ length: PRACTITIONERS }, () => randomUUID());
  await client.query(
    "INSERT INTO organisation (id, name, kind) VALUES ($1, 'Bench Borough Council', 'LOCAL_AUTHORITY')",
    [organisationId],
  );
  await client.query("INSERT INTO team (id, organisation_id, name) VALUES ($1, $2, 'Bench Assessment Team')", [
    teamId,
    organisationId,
  ]);
  await client.query(
    `INSERT INTO app_user (id, email, name, job_title, password_hash, role, organisation_id, team_id)
     VALUES ($1, 'bench.supervisor@bench.example', 'Bench Supervisor', 'Team manager', 'not-a-hash',
             'SUPERVISOR', $3, $4),
            ($2, 'bench.ig@bench.example', 'Bench IG Lead', 'Data protection officer', 'not-a-hash',
             'IG_LEAD', $3, NULL)`,
    [supervisorId, igLeadId, organisationId, teamId],
  );
  await client.query(
    `INSERT INTO app_user (id, email, name, job_title, password_hash, role, organisation_id, team_id)
     SELECT id, 'bench.practitioner.' || n || '@bench.example', 'Bench Practitioner ' || n, 'Social worker',
            'not-a-hash', 'PRACTITIONER', $2, $3
       FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n)`,
    [practitionerIds, organisationId, teamId],
  );
  return { organisationId, teamId, supervisorId, igLeadId, practitionerIds };
}

export async function bulkSeed(options: BulkSeedOptions): Promise<BulkSeedResult> {
  const { log } = options;
  const client = new pg.Client({ connectionString: options.ownerUrl, application_name: "infoshare-bench-seed" });
  await client.connect();
  const seconds = { decisions: 0, auditEvents: 0, queue: 0, indexes: 0, analyse: 0 };
  try {
    const org = await createBenchOrganisation(client);
    // A bulk load, not application traffic: no per-row foreign-key or trigger work (the rows are
    // generated consistent), no waiting for WAL flushes, generous memory for the index builds.
    await client.query("SET session_replication_role = replica");
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '1GB'");
    const droppedDecision = await dropSecondaryIndexes(client, "decision");
    const droppedQueue = await dropSecondaryIndexes(client, "review_queue_item");
    const droppedAudit = await dropSecondaryIndexes(client, "audit_event");

    const rand = random(20261121);
    const n = options.decisions;
    const references: string[] = new Array(n);
    const draftIds: string[] = new Array(n);
    const authors: number[] = new Array(n);
    const caseRefs: string[] = new Array(n);
    const outcomes = ["SHARE", "SHARE_PART", "NO_SHARE"] as const;
    const flagsOf = (i: number): string[] => (i % 5 === 0 ? ["DEPARTURE"] : i % 7 === 0 ? ["EMERGENCY"] : []);
    const recordedAt = (i: number) => new Date(START + (i * EVENTS_PER_DECISION + 3) * EVENT_SPACING_MS);

    // ---- decisions
    let started = performance.now();
    await copyInto(
      client,
      `COPY decision (id, reference, draft_id, kind, organisation_id, team_id, author_id, case_reference, urgency,
                      origin, concern_categories, child_at_risk, indication, outcome, departs_from_indication,
                      review_flags, consent_status, lawful_basis_ids, guidance_version, decision_date, recorded_at,
                      review_due_at, retain_until, record)
       FROM STDIN (FORMAT csv)`,
      async (stream) => {
        let chunk = "";
        for (let i = 0; i < n; i += 1) {
          const bytes = new Uint8Array([(i >>> 24) & 255, (i >>> 16) & 255, (i >>> 8) & 255, i & 255, (i * 37) & 255]);
          const reference = newDecisionReference(bytes);
          const author = Math.floor(rand() * PRACTITIONERS);
          const caseReference = `CS-${2025 + (i % 2)}/${String(i % 250_000).padStart(6, "0")}`;
          const outcome = outcomes[i % 3]!;
          const flags = flagsOf(i);
          const at = recordedAt(i);
          const dueDays = flags.length > 0 ? 2 : 28;
          references[i] = reference;
          draftIds[i] = randomUUID();
          authors[i] = author;
          caseRefs[i] = caseReference;
          const record = {
            reference,
            caseReference,
            outcome,
            purpose: "Early help assessment",
            rationale:
              "The child's attendance has fallen sharply and the assessment needs it, so the school shares it.",
            recipient: { name: "Duty team", role: "Social worker", organisation: "Children's social care" },
            bulk: true,
          };
          chunk +=
            [
              randomUUID(),
              reference,
              draftIds[i]!,
              "ORIGINAL",
              org.organisationId,
              org.teamId,
              org.practitionerIds[author]!,
              caseReference,
              i % 7 === 0 ? "EMERGENCY" : "ROUTINE",
              i % 2 === 0 ? "REQUEST" : "OWN_INITIATIVE",
              pgArray(["child-health-or-development"]),
              i % 4 === 0,
              "SHARE",
              outcome,
              i % 5 === 0,
              pgArray(flags),
              "GIVEN",
              pgArray(["art6-1-e"]),
              "bench",
              at.toISOString().slice(0, 10),
              at.toISOString(),
              new Date(at.getTime() + dueDays * 86_400_000).toISOString(),
              new Date(at.getTime() + 6 * 365 * 86_400_000).toISOString(),
              JSON.stringify(record),
            ]
              .map(csv)
              .join(",") + "\n";
          if (chunk.length > 256 * 1024) {
            await write(stream, chunk);
            chunk = "";
          }
        }
        if (chunk) await write(stream, chunk);
      },
    );
    seconds.decisions = (performance.now() - started) / 1000;
    log(`  ${n.toLocaleString("en-GB")} decisions copied in ${seconds.decisions.toFixed(1)} s`);

    // ---- the supervisor's queue: every decision is still waiting for review (the worst case)
    started = performance.now();
    await client.query(
      `INSERT INTO review_queue_item (decision_id, organisation_id, team_id, author_id, flagged, flags, outcome,
                                     recorded_at, review_due_at)
       SELECT id, organisation_id, team_id, author_id, cardinality(review_flags) > 0, review_flags, outcome,
              recorded_at, review_due_at
         FROM decision WHERE organisation_id = $1`,
      [org.organisationId],
    );
    seconds.queue = (performance.now() - started) / 1000;

    // ---- the audit chain, hashed as the app hashes it
    started = performance.now();
    const hashedBytesOut = createWriteStream(options.hashedBytesFile, { highWaterMark: 4 * 1024 * 1024 });
    let hashedBytes = 0;
    let lastHash = GENESIS_HASH;
    let seq = 0n;
    const chainKey = org.organisationId;
    await copyInto(
      client,
      `COPY audit_event (chain_key, chain_seq, at, actor_id, actor_role, organisation_id, action, object_type,
                         object_id, case_reference, request_id, ip, outcome, detail, prev_hash, hash)
       FROM STDIN (FORMAT csv)`,
      async (stream) => {
        let chunk = "";
        let hashedChunk = "";
        for (let i = 0; i < n; i += 1) {
          const author = org.practitionerIds[authors[i]!]!;
          const outcome = outcomes[i % 3]!;
          const flags = flagsOf(i);
          const practitioner = (
            action: string,
            object: [string, string],
            caseReference: string | null,
            detail: Detail,
          ) => auditEvent(author, "PRACTITIONER", action, object, caseReference, detail);
          const events: BenchEvent[] = [
            practitioner("draft.create", ["draft", draftIds[i]!], null, { kind: "ORIGINAL" }),
            practitioner("draft.save", ["draft", draftIds[i]!], caseRefs[i]!, { step: "concern" }),
            practitioner("draft.save", ["draft", draftIds[i]!], caseRefs[i]!, { step: "decision" }),
            practitioner("decision.record", ["decision", references[i]!], caseRefs[i]!, {
              kind: "ORIGINAL",
              outcome,
              indication: "SHARE",
              departsFromIndication: i % 5 === 0,
              flags,
            }),
            i % 50_000 === 0
              ? auditEvent(org.igLeadId, "IG_LEAD", "settings.change", ["organisation", org.organisationId], null, {
                  before: { routine: 28 },
                  after: { routine: 28 },
                })
              : i % 100 === 0
                ? auditEvent(
                    org.practitionerIds[(authors[i]! + 1) % PRACTITIONERS]!,
                    "PRACTITIONER",
                    "access.denied",
                    ["decision", references[i]!],
                    null,
                    { attempted: "decision.view" },
                    "DENIED",
                  )
                : auditEvent(
                    org.supervisorId,
                    "SUPERVISOR",
                    "decision.view",
                    ["decision", references[i]!],
                    caseRefs[i]!,
                    {
                      channel: "page",
                    },
                  ),
          ];
          for (let k = 0; k < events.length; k += 1) {
            const e = events[k]!;
            seq += 1n;
            const at = new Date(START + (i * EVENTS_PER_DECISION + k) * EVENT_SPACING_MS);
            const requestId = randomUUID();
            const ip = `10.${i % 250}.${k}.${(i >>> 8) % 250}`;
            const event = {
              chainKey,
              chainSeq: seq,
              at,
              actorId: e.actor,
              actorRole: e.role,
              organisationId: org.organisationId,
              action: e.action,
              objectType: e.objectType,
              objectId: e.objectId,
              caseReference: e.caseReference,
              requestId,
              ip,
              outcome: e.outcome,
              detail: e.detail,
              prevHash: lastHash,
            };
            const canonical = fastCanonical(event);
            // The fast serialiser must produce the domain's bytes exactly: check it often.
            if (seq <= 1000n || seq % 997n === 0n) {
              const expected = canonicalJson(hashableContent(event));
              if (canonical !== expected)
                throw new Error(`fastCanonical differs from canonicalJson at ${seq}:\n${canonical}\n${expected}`);
            }
            const hash = createHash("sha256").update(canonical, "utf8").digest("hex");
            hashedChunk += `${canonical}\n`;
            chunk +=
              [
                chainKey,
                seq.toString(),
                at.toISOString(),
                e.actor,
                e.role,
                org.organisationId,
                e.action,
                e.objectType,
                e.objectId,
                e.caseReference,
                requestId,
                ip,
                e.outcome,
                JSON.stringify(e.detail),
                lastHash,
                hash,
              ]
                .map(csv)
                .join(",") + "\n";
            lastHash = hash;
          }
          if (chunk.length > 256 * 1024) {
            hashedBytes += Buffer.byteLength(hashedChunk);
            if (!hashedBytesOut.write(hashedChunk)) await once(hashedBytesOut, "drain");
            hashedChunk = "";
            await write(stream, chunk);
            chunk = "";
          }
          if (i > 0 && i % 200_000 === 0) log(`  … ${(i * EVENTS_PER_DECISION).toLocaleString("en-GB")} audit events`);
        }
        if (hashedChunk) {
          hashedBytes += Buffer.byteLength(hashedChunk);
          hashedBytesOut.write(hashedChunk);
        }
        if (chunk) await write(stream, chunk);
      },
    );
    hashedBytesOut.end();
    await finished(hashedBytesOut);
    await client.query("INSERT INTO audit_chain_head (chain_key, last_seq, last_hash) VALUES ($1, $2, $3)", [
      chainKey,
      seq.toString(),
      lastHash,
    ]);
    seconds.auditEvents = (performance.now() - started) / 1000;
    log(`  ${seq.toLocaleString("en-GB")} audit events hashed and copied in ${seconds.auditEvents.toFixed(1)} s`);

    started = performance.now();
    await client.query("SET max_parallel_maintenance_workers = 2");
    for (const index of [...droppedDecision, ...droppedQueue, ...droppedAudit]) await client.query(index.definition);
    seconds.indexes = (performance.now() - started) / 1000;
    const rebuilt = droppedDecision.length + droppedQueue.length + droppedAudit.length;
    log(`  ${rebuilt} indexes rebuilt in ${seconds.indexes.toFixed(1)} s`);
    started = performance.now();
    await client.query("VACUUM (ANALYZE) decision, review_queue_item, audit_event, app_user");
    seconds.analyse = (performance.now() - started) / 1000;

    // A deep page of the audit log: the 100th event of the chain, so the page before it holds 99.
    const deep = await client.query<{ id: string }>(
      "SELECT id::text FROM audit_event WHERE chain_key = $1 AND chain_seq = 100",
      [chainKey],
    );
    return {
      ...org,
      decisions: n,
      auditEvents: Number(seq),
      lastHash,
      hashedBytes,
      seconds,
      samples: {
        reference: references[Math.floor(n / 2)]!,
        caseReference: caseRefs[Math.floor(n / 3)]!,
        practitionerId: org.practitionerIds[7]!,
        deepAuditEventId: deep.rows[0]!.id,
      },
    };
  } finally {
    await client.end();
  }
}
