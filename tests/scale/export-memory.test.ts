import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { SessionState, SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";
import { closeExportPool } from "@/server/exports/export-pool";
import { AUDIT_EVENT_EXPORT_COLUMNS } from "@/server/exports/export-audit-events";
import { GET as getAuditEventsRoute } from "@/app/api/exports/audit-events/route";
import { createDatabase, dropDatabase, uniqueDatabaseName, withDatabaseName } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrations";
import { appRoleDatabaseUrl, serverDatabaseUrl } from "../integration/support";

// Issue 5's acceptance: exporting 1,000,000 audit rows streams to completion with memory growing
// by less than 100 MB. The rows go into a database of their own (they do not form a valid hash
// chain, and other test files count rows), and the export runs through the route handler, as the
// app's restricted role, exactly as a download would; only the session is the test's.

const session = vi.hoisted(() => ({ current: { status: "signed-out" } as SessionState }));
vi.mock("@/server/auth/current-actor", () => ({ currentSession: async () => session.current }));

const ROWS = 1_000_000;
const SAMPLE_EVERY_ROWS = 5_000;
const MAX_RSS_GROWTH_MB = 100;

const serverUrl = serverDatabaseUrl();
const databaseName = uniqueDatabaseName("infoshare_export_bulk");
const organisationId = randomUUID();
const igLeadId = randomUUID();
const warmUpOrganisationId = randomUUID();
const warmUpIgLeadId = randomUUID();
const actorIds = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
let created = false;

const igLead: SignedInUser = {
  userId: igLeadId,
  role: "IG_LEAD",
  organisationId,
  teamId: null,
  name: "Bulk IG Lead",
  email: "ig.lead@bulk.example",
  jobTitle: null,
  organisationName: "Bulk Export Council",
  teamName: null,
};

beforeAll(async () => {
  const started = performance.now();
  const ownerUrl = await createDatabase(serverUrl, databaseName);
  created = true;
  await applyMigrations(ownerUrl);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO organisation (id, name, kind)
       VALUES ($1, 'Bulk Export Council', 'LOCAL_AUTHORITY'), ($2, 'Warm-up Council', 'SCHOOL')`,
      [organisationId, warmUpOrganisationId],
    );
    await client.query(
      `INSERT INTO app_user (id, email, name, password_hash, role, organisation_id)
       SELECT id, 'bulk-' || n || '@bulk.example', 'Bulk User ' || n, 'not-a-hash',
              CASE WHEN n = 1 THEN 'IG_LEAD' ELSE 'PRACTITIONER' END::"Role", $2
         FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)`,
      [[igLeadId, ...actorIds], organisationId],
    );
    await client.query(
      `INSERT INTO app_user (id, email, name, password_hash, role, organisation_id)
       VALUES ($1, 'warm-up@bulk.example', 'Warm-up IG Lead', 'not-a-hash', 'IG_LEAD', $2)`,
      [warmUpIgLeadId, warmUpOrganisationId],
    );
    // Only the (chain_key, chain_seq) index serves the export; maintaining the audit log's six
    // search indexes row by row would more than double the load time on two cores, and nothing
    // here reads them.
    const searchIndexes = await client.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes
        WHERE tablename = 'audit_event'
          AND indexname NOT IN ('audit_event_pkey', 'audit_event_chain_key_chain_seq_key')`,
    );
    for (const { indexname } of searchIndexes.rows) await client.query(`DROP INDEX ${pg.escapeIdentifier(indexname)}`);
    // One statement, 1,000,000 events in one chain: realistic widths (uuids, 64-character hashes,
    // JSON detail), and every thousandth with a comma, quotes and a formula to escape.
    await client.query(
      `INSERT INTO audit_event (chain_key, chain_seq, at, actor_id, actor_role, organisation_id, action, object_type,
                                object_id, case_reference, request_id, ip, outcome, detail, prev_hash, hash)
       SELECT $1::text, i, timestamptz '2025-01-01 00:00:00Z' + i * interval '20 seconds',
              ($2::uuid[])[1 + i % 4], 'PRACTITIONER', $1::uuid,
              (ARRAY['decision.view', 'draft.save', 'decision.record', 'auth.sign-in'])[1 + i % 4],
              'decision', 'DEC-' || upper(lpad(to_hex(i % 65536), 4, '0')) || '-' || upper(substr(h.this, 1, 4)),
              'CS-2025/' || (i % 50000), h.this::uuid::text, '10.' || (i % 250) || '.' || (i % 200) || '.1',
              CASE WHEN i % 97 = 0 THEN 'DENIED' ELSE 'SUCCESS' END::"AuditOutcome",
              CASE WHEN i % 1000 = 0 THEN jsonb_build_object('note', '=cmd, "quoted"', 'n', i)
                   ELSE '{"channel": "page"}'::jsonb END,
              h.previous || h.previous, h.this || h.this
         FROM generate_series(1, ${ROWS}) AS i,
              LATERAL (SELECT md5(i::text) AS this, md5((i - 1)::text) AS previous) AS h`,
      [organisationId, actorIds],
    );
    // The head must match the chain's length, or the export's own audit event could not be appended.
    await client.query(
      `INSERT INTO audit_chain_head (chain_key, last_seq, last_hash)
       VALUES ($1, $2::bigint, repeat(md5($2::bigint::text), 2))`,
      [organisationId, ROWS],
    );
    await client.query("ANALYZE audit_event");
  } finally {
    await client.end();
  }
  // From here on the app (db() and the export pool, both created on first use) uses the bulk
  // database as its restricted role.
  process.env.DATABASE_URL = withDatabaseName(appRoleDatabaseUrl(), databaseName);
  console.info(
    `export-memory: ${ROWS.toLocaleString("en-GB")} audit events loaded in ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}, 300_000);

afterAll(async () => {
  await closeExportPool();
  await db().$disconnect();
  if (created) await dropDatabase(serverUrl, databaseName);
}, 60_000);

async function drain(response: Response): Promise<void> {
  const reader = response.body!.getReader();
  while (!(await reader.read()).done);
}

it(`streams ${ROWS.toLocaleString("en-GB")} audit events through the export route in constant memory`, async () => {
  // A running server has its modules and database clients loaded before any export: warm up
  // with an export of another (empty) organisation through the same route, so the baseline is
  // that of a running server and the bulk chain stays exactly 1,000,000 events.
  session.current = {
    status: "signed-in",
    user: { ...igLead, userId: warmUpIgLeadId, organisationId: warmUpOrganisationId },
    unreadNotifications: 0,
  };
  const warmUp = await getAuditEventsRoute(new Request("http://localhost/api/exports/audit-events"));
  expect(warmUp.status).toBe(200);
  await drain(warmUp);

  session.current = { status: "signed-in", user: igLead, unreadNotifications: 0 };
  const baselineRss = process.memoryUsage.rss();
  let peakRss = baselineRss;
  const started = performance.now();

  const response = await getAuditEventsRoute(new Request("http://localhost/api/exports/audit-events"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");

  const reader = response.body!.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let lines = 0;
  let bytes = 0;
  let chunks = 0;
  let nextSample = SAMPLE_EVERY_ROWS;
  let head = "";
  let tail = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks += 1;
    bytes += value.byteLength;
    for (let at = value.indexOf(10); at !== -1; at = value.indexOf(10, at + 1)) lines += 1;
    if (head.length < 2_000) head += decoder.decode(value.subarray(0, 2_000));
    tail = (tail + new TextDecoder().decode(value.subarray(Math.max(0, value.byteLength - 2_000)))).slice(-2_000);
    if (lines >= nextSample) {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      nextSample = lines + SAMPLE_EVERY_ROWS;
    }
  }
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const seconds = (performance.now() - started) / 1000;
  const growthMb = (peakRss - baselineRss) / 1024 / 1024;
  console.info(
    `export-memory: ${ROWS.toLocaleString("en-GB")} rows (+ header), ` +
      `${(bytes / 1024 / 1024).toFixed(0)} MB in ${chunks} chunks, ` +
      `${seconds.toFixed(1)} s, ${Math.round(ROWS / seconds).toLocaleString("en-GB")} rows/s; ` +
      `RSS ${(baselineRss / 1024 / 1024).toFixed(0)} MB before, peak growth ${growthMb.toFixed(1)} MB`,
  );

  expect(lines).toBe(ROWS + 1);
  expect(head.startsWith(`\uFEFF${AUDIT_EVENT_EXPORT_COLUMNS.join(",")}\r\n1,1,2025-01-01T00:00:20.000Z,`)).toBe(true);
  expect(head).toContain(",decision.record,decision,");
  const lastLine = tail.trimEnd().split("\r\n").at(-1)!;
  expect(lastLine.startsWith(`${ROWS},${ROWS},`)).toBe(true);
  // Row 1,000,000 is a thousandth row: its JSON detail holds a comma and quotes, so it is quoted.
  expect(lastLine).toContain(`"{""n"": ${ROWS}, ""note"": ""=cmd, \\""quoted\\""""}"`);
  expect(growthMb).toBeLessThan(MAX_RSS_GROWTH_MB);

  const audited = await db().auditEvent.findFirstOrThrow({ where: { actorId: igLeadId }, orderBy: { id: "desc" } });
  expect(audited).toMatchObject({ action: "audit.export", outcome: "SUCCESS", chainSeq: BigInt(ROWS + 1) });
}, 240_000);
