import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import type { SessionState, SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";
import { exportAuditEvents, ukTimeWithOffset } from "@/server/exports/export-audit-events";
import { Prisma } from "@/generated/prisma/client";
import { exportDecisions } from "@/server/exports/export-decisions";
import { exportSubjectAccess } from "@/server/exports/export-subject-access";
import { closeExportPool, exportPool } from "@/server/exports/export-pool";
import { reviewDecision } from "@/server/reviews/review-decision";
import { raiseEscalation } from "@/server/escalations/raise-escalation";
import { GET as getAuditEventsRoute } from "@/app/api/exports/audit-events/route";
import { GET as getDecisionsRoute } from "@/app/api/exports/decisions/route";
import { GET as getSubjectAccessRoute } from "@/app/api/exports/subject-access/route";
import { TEST_META, actorFor, recordThroughWizard, withSuperuser } from "./support";
import { PRIYA, SAM, JO, ALEX, TOM, DAN } from "./demo-people";

// The route handlers read the session through NextAuth, which needs a Next.js request; here the
// session is whatever the test says it is. Everything below the session check is the real code.
const session = vi.hoisted(() => ({ current: { status: "signed-out" } as SessionState }));
vi.mock("@/server/auth/current-actor", () => ({ currentSession: async () => session.current }));

const RUN = randomBytes(3).toString("hex").toUpperCase();
const CASE_A = `EXP-${RUN}-A`;
const CASE_B = `EXP-${RUN}-B`;
const HOSTILE_RATIONALE =
  '=HYPERLINK("http://evil.example","x") — the child\'s attendance fell, "sharply", and\nthe school is worried.';

let priya: SignedInUser;
let northshireId: string;
let riversideId: string;
const refs = { samA: "", joA: "", samB: "", tomA: "" };

/** A strict RFC 4180 reader (CRLF records, quoted fields as needed), after the byte order mark. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  const body = text.slice(1);
  const field = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n)/y;
  const records: string[][] = [];
  let record: string[] = [];
  while (field.lastIndex < body.length) {
    const match = field.exec(body);
    if (!match) throw new Error(`not RFC 4180 CSV at character ${field.lastIndex}`);
    const [, raw, end] = match as unknown as [string, string, string];
    record.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
    if (end === "\r\n") {
      records.push(record);
      record = [];
    }
  }
  expect(record).toEqual([]);
  return records;
}

/** The first column of every row of a query run as the database's owner. */
async function firstColumn(sql: string, values: unknown[]): Promise<string[]> {
  const { rows } = await withSuperuser((c) => c.query<Record<string, string>>(sql, values));
  return rows.map((row) => Object.values(row)[0]!);
}

async function readCsv(
  stream: ReadableStream<Uint8Array>,
): Promise<{ header: string[]; rows: Record<string, string>[] }> {
  // ignoreBOM keeps the byte order mark (Response.text() would drop it), so the test sees it.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
  const [header, ...records] = parseCsv(text);
  return { header: header!, rows: records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

/** An instant as UK wall-clock time with its offset, worked out here without the database. */
function ukTimeInJavaScript(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "longOffset",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === "GMT" ? "+00:00" : parts.timeZoneName!.replace("GMT", "");
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** Priya's audit-event export, one row a batch, read as far as its first row. */
async function auditExportAtFirstRow(): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const result = await exportAuditEvents(priya, {}, TEST_META, { batchSize: 1 });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const reader = result.stream.getReader();
  await reader.read(); // header
  await reader.read(); // first row
  return reader;
}

async function lastEvent(actorId: string) {
  return db().auditEvent.findFirstOrThrow({ where: { actorId }, orderBy: { id: "desc" } });
}

beforeAll(async () => {
  priya = await actorFor(PRIYA);
  northshireId = priya.organisationId;
  riversideId = (await actorFor(DAN)).organisationId;
  const answers = consentGivenShareAnswers();
  const hostile = { ...answers, decision: { ...answers.decision!, rationale: HOSTILE_RATIONALE } };
  refs.samA = await recordThroughWizard(SAM, hostile, CASE_A);
  refs.joA = await recordThroughWizard(JO, answers, CASE_A.toLowerCase());
  refs.samB = await recordThroughWizard(SAM, answers, CASE_B);
  refs.tomA = await recordThroughWizard(TOM, answers, CASE_A);
  const note = await reviewDecision(
    await actorFor(ALEX),
    refs.samA,
    { kind: "NOTE", comment: "=1+1 Checked the lawful basis with IG." },
    TEST_META,
  );
  expect(note.ok).toBe(true);
  const escalation = await raiseEscalation(
    await actorFor(SAM),
    refs.samA,
    { reason: "The police disagree with the decision and want more." },
    TEST_META,
  );
  expect(escalation.ok).toBe(true);
}, 120_000);

afterAll(closeExportPool);

describe("decisions CSV export", () => {
  it("exports exactly the organisation's decisions in recorded order, nothing of another organisation", async () => {
    const expected = await firstColumn(
      "SELECT reference FROM decision WHERE organisation_id = $1 ORDER BY recorded_at, id",
      [northshireId],
    );
    const result = await exportDecisions(priya, {}, TEST_META);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.filename).toMatch(/^decisions-\d{4}-\d{2}-\d{2}T\d{6}Z\.csv$/);
    const { header, rows } = await readCsv(result.stream);
    expect(header).toContain("practitioner_name");
    expect(header.join(",")).not.toMatch(/password|record,|answers/);
    expect(rows.map((r) => r.reference)).toEqual(expected);
    expect(rows.map((r) => r.reference)).toEqual(expect.arrayContaining([refs.samA, refs.joA, refs.samB]));
    expect(rows.map((r) => r.reference)).not.toContain(refs.tomA);
    expect(rows.every((r) => r.organisation_id === northshireId)).toBe(true);
  });

  it("writes the columns, practitioner's name, rationale, purpose and recipient, neutralising formulas", async () => {
    const result = await exportDecisions(priya, { caseReference: CASE_A.toLowerCase() }, TEST_META);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const { rows } = await readCsv(result.stream);
    expect(rows.map((r) => r.reference)).toEqual([refs.samA, refs.joA]);
    const row = rows[0]!;
    const answers = consentGivenShareAnswers();
    expect(row).toMatchObject({
      kind: "ORIGINAL",
      supersedes_reference: "",
      practitioner_name: (await actorFor(SAM)).name,
      case_reference: CASE_A,
      outcome: "SHARE",
      indication: "SHARE",
      departs_from_indication: "false",
      consent_status: "GIVEN",
      rationale: `'${HOSTILE_RATIONALE}`,
      purpose: answers.decision!.purpose,
    });
    expect(row.lawful_basis_ids!.split(";")).toContain("art6-1-e");
    expect(row.decision_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.recorded_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const stored = await db().decision.findUniqueOrThrow({ where: { reference: refs.samA } });
    expect(row.recorded_at).toBe(stored.recordedAt.toISOString());
    const recipient = (stored.record as { recipient: { name?: string; role?: string; organisation?: string } | null })
      .recipient;
    expect([row.recipient_name, row.recipient_role, row.recipient_organisation]).toEqual([
      recipient?.name ?? "",
      recipient?.role ?? "",
      recipient?.organisation ?? "",
    ]);
  });

  it("filters by outcome, flag and decision date", async () => {
    const none = await exportDecisions(priya, { outcome: "NO_SHARE", caseReference: CASE_A }, TEST_META);
    if (!none.ok) throw new Error(JSON.stringify(none));
    expect((await readCsv(none.stream)).rows).toEqual([]);

    const flagged = await exportDecisions(priya, { flag: "DEPARTURE" }, TEST_META);
    if (!flagged.ok) throw new Error(JSON.stringify(flagged));
    const flaggedRows = (await readCsv(flagged.stream)).rows;
    expect(flaggedRows.every((r) => r.review_flags!.split(";").includes("DEPARTURE"))).toBe(true);

    const stored = await db().decision.findUniqueOrThrow({ where: { reference: refs.samB } });
    const day = stored.decisionDate.toISOString().slice(0, 10);
    const dated = await exportDecisions(priya, { caseReference: CASE_B, from: day, to: day }, TEST_META);
    if (!dated.ok) throw new Error(JSON.stringify(dated));
    expect((await readCsv(dated.stream)).rows.map((r) => r.reference)).toEqual([refs.samB]);
    const before = await exportDecisions(priya, { caseReference: CASE_B, to: "2000-01-01" }, TEST_META);
    if (!before.ok) throw new Error(JSON.stringify(before));
    expect((await readCsv(before.stream)).rows).toEqual([]);
  });

  it("audits the export with its filter before streaming", async () => {
    const result = await exportDecisions(priya, { caseReference: CASE_B, outcome: "share" }, TEST_META);
    expect(result.ok).toBe(true);
    const event = await lastEvent(priya.userId);
    expect(event).toMatchObject({
      action: "decisions.export",
      outcome: "SUCCESS",
      organisationId: northshireId,
      caseReference: CASE_B,
      objectType: "decision",
      requestId: TEST_META.requestId,
    });
    expect(event.detail).toEqual({ format: "csv", filter: { caseReference: CASE_B, outcome: "SHARE" } });
    if (result.ok) await result.stream.cancel();
  });

  it("refuses practitioners and supervisors, and audits the refusal", async () => {
    for (const email of [SAM, ALEX]) {
      const user = await actorFor(email);
      session.current = { status: "signed-in", user, unreadNotifications: 0 };
      expect((await getDecisionsRoute(new Request("http://localhost/api/exports/decisions"))).status).toBe(403);
      expect(await lastEvent(user.userId)).toMatchObject({
        action: "access.denied",
        outcome: "DENIED",
        detail: { attempted: "decisions.export" },
      });
    }
  });
});

describe("audit events CSV export", () => {
  it("exports exactly the organisation's chain, in chain order", async () => {
    const expected = await firstColumn(
      "SELECT id::text FROM audit_event WHERE organisation_id = $1 ORDER BY chain_seq",
      [northshireId],
    );
    const riversideIds = await firstColumn(
      "SELECT id::text FROM audit_event WHERE organisation_id IS DISTINCT FROM $1",
      [northshireId],
    );
    const result = await exportAuditEvents(priya, {}, TEST_META);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.filename).toMatch(/^audit-events-.*\.csv$/);
    const { header, rows } = await readCsv(result.stream);
    expect(header.join(" ")).toBe(
      "id chain_seq at actor_id actor_name actor_role action object_type object_id case_reference outcome " +
        "request_id ip detail prev_hash hash uk_time what_happened role",
    );
    // The cursor's snapshot is taken before the export's own event is written.
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(riversideIds.length).toBeGreaterThan(0);
    expect(rows.some((r) => riversideIds.includes(r.id!))).toBe(false);
    const chainSeqs = rows.map((r) => Number(r.chain_seq));
    expect(chainSeqs).toEqual(chainSeqs.map((_, i) => i + 1));
    const first = await db().auditEvent.findUniqueOrThrow({ where: { id: BigInt(rows[0]!.id!) } });
    expect(rows[0]).toMatchObject({ at: first.at.toISOString(), hash: first.hash, prev_hash: first.prevHash });
  });

  it("filters by case reference (any case), action, actor, object reference, outcome and date", async () => {
    const sam = await actorFor(SAM);
    const check = async (filter: Record<string, string>, sql: string, values: unknown[]) => {
      const expected = await firstColumn(
        `SELECT id::text FROM audit_event WHERE organisation_id = $1 AND ${sql} ORDER BY chain_seq`,
        [northshireId, ...values],
      );
      const result = await exportAuditEvents(priya, filter, TEST_META);
      if (!result.ok) throw new Error(JSON.stringify(result));
      const ids = (await readCsv(result.stream)).rows.map((r) => r.id);
      expect(ids).toEqual(expected);
      return ids;
    };
    const byCase = await check({ caseReference: CASE_A.toLowerCase() }, "lower(case_reference) = lower($2)", [CASE_A]);
    expect(byCase.length).toBeGreaterThanOrEqual(3); // two recorded, one reviewed, one escalated…
    expect(
      await check(
        { caseReference: CASE_A, action: "decision.record" },
        "case_reference ILIKE $2 AND action = 'decision.record'",
        [CASE_A],
      ),
    ).toHaveLength(2);
    expect(
      await check({ actor: sam.userId, objectReference: refs.samA }, "actor_id = $2 AND object_id = $3", [
        sam.userId,
        refs.samA,
      ]),
    ).not.toHaveLength(0);
    await check({ outcome: "DENIED" }, "outcome = 'DENIED'", []);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
    expect(
      await check(
        { from: today, to: today, action: "decision.record" },
        "action = 'decision.record' AND at >= $2::date::timestamp AT TIME ZONE 'Europe/London'",
        [today],
      ),
    ).not.toHaveLength(0);
    expect(await check({ to: "2000-01-01" }, "false", [])).toEqual([]);
  });

  it("audits the export with its filter", async () => {
    const result = await exportAuditEvents(priya, { action: "decision.record", from: "2026-01-01" }, TEST_META);
    if (!result.ok) throw new Error(JSON.stringify(result));
    await result.stream.cancel();
    expect(await lastEvent(priya.userId)).toMatchObject({
      action: "audit.export",
      outcome: "SUCCESS",
      objectType: "audit_event",
      caseReference: null,
      detail: { format: "csv", filter: { action: "decision.record", from: "2026-01-01" } },
    });
  });

  it("refuses anyone but the IG lead, and audits the refusal", async () => {
    for (const email of [SAM, ALEX, "admin@northshire.example"]) {
      const user = await actorFor(email);
      session.current = { status: "signed-in", user, unreadNotifications: 0 };
      expect((await getAuditEventsRoute(new Request("http://localhost/api/exports/audit-events"))).status).toBe(403);
      expect(await lastEvent(user.userId)).toMatchObject({
        action: "access.denied",
        detail: { attempted: "audit.export" },
      });
    }
  });

  it("answers an invalid filter with field errors and audits nothing", async () => {
    const before = await lastEvent(priya.userId);
    const result = await exportAuditEvents(priya, { outcome: "MAYBE", from: "2026-02-30", extra: "1" }, TEST_META);
    expect(result).toMatchObject({ ok: false, error: "invalid" });
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(expect.arrayContaining(["_form", "outcome", "from"]));
    expect((await lastEvent(priya.userId)).id).toBe(before.id);
  });

  it("returns its connection to the pool when the download is cancelled part-way", async () => {
    const reader = await auditExportAtFirstRow();
    expect(exportPool().totalCount - exportPool().idleCount).toBe(1);
    await reader.cancel();
    expect(exportPool().totalCount - exportPool().idleCount).toBe(0);
    // and the connection is clean: the next export works on it
    const again = await exportAuditEvents(priya, { to: "2000-01-01" }, TEST_META);
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect((await readCsv(again.stream)).rows).toEqual([]);
    expect(exportPool().totalCount - exportPool().idleCount).toBe(0);
  });

  it("fails the download, and frees the connection, when the database ends the session mid-export", async () => {
    const reader = await auditExportAtFirstRow();
    await withSuperuser((c) =>
      c.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'infoshare-export' AND datname = current_database() AND state <> 'idle'`,
      ),
    );
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return "completed";
      })(),
    ).rejects.toThrow();
    await vi.waitFor(() => expect(exportPool().totalCount - exportPool().idleCount).toBe(0));
  });
});

describe("subject access", () => {
  it("returns the organisation's records for the case reference, with reviews and escalations, as JSON", async () => {
    const result = await exportSubjectAccess(priya, { caseReference: CASE_A }, TEST_META);
    if (!result.ok || !result.found) throw new Error(JSON.stringify(result));
    expect(result.filename).toMatch(new RegExp(`^subject-access-EXP-${RUN}-A-.*\\.json$`));
    const document = JSON.parse(result.body);
    expect(document.subjectAccess).toMatchObject({
      caseReference: CASE_A,
      decisionCount: 2,
      organisation: priya.organisationName,
    });
    expect(document.decisions.map((d: { reference: string }) => d.reference)).toEqual([refs.samA, refs.joA]);
    const samA = document.decisions[0];
    expect(samA.record.rationale).toBe(HOSTILE_RATIONALE);
    expect(samA.record.answers).toBeDefined();
    expect(samA.reviews).toEqual([
      expect.objectContaining({ kind: "NOTE", comment: "=1+1 Checked the lawful basis with IG." }),
    ]);
    expect(samA.escalations).toEqual([
      expect.objectContaining({ status: "OPEN", reason: "The police disagree with the decision and want more." }),
    ]);
    expect(JSON.stringify(document)).not.toContain(refs.tomA);
    expect(JSON.stringify(document)).not.toContain(refs.samB);
    expect(JSON.stringify(document)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it("returns the same records as CSV, one value per row, formulas neutralised", async () => {
    const result = await exportSubjectAccess(priya, { caseReference: CASE_A.toLowerCase(), format: "csv" }, TEST_META);
    if (!result.ok || !result.found) throw new Error(JSON.stringify(result));
    expect(result.contentType).toBe("text/csv; charset=utf-8");
    const records = parseCsv(result.body);
    expect(records[0]).toEqual(["decision_reference", "section", "item", "field", "value"]);
    const rows = records.slice(1);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([refs.samA, refs.joA]));
    expect(rows).toContainEqual([refs.samA, "record", "", "rationale", `'${HOSTILE_RATIONALE}`]);
    expect(rows).toContainEqual([refs.samA, "review", "1", "comment", "'=1+1 Checked the lawful basis with IG."]);
    expect(rows).toContainEqual([refs.samA, "escalation", "1", "status", "OPEN"]);
    expect(rows).toContainEqual([refs.joA, "decision", "", "caseReference", CASE_A.toLowerCase()]);
    expect(rows.some((r) => r[1] === "record" && r[3]!.startsWith("answers."))).toBe(true);
  });

  it("is audited as a disclosure with the case reference and the references disclosed", async () => {
    await exportSubjectAccess(priya, { caseReference: CASE_A, format: "json" }, TEST_META);
    expect(await lastEvent(priya.userId)).toMatchObject({
      action: "subject-access.export",
      outcome: "SUCCESS",
      caseReference: CASE_A,
      objectType: "case",
      detail: { format: "json", decisions: 2, references: [refs.samA, refs.joA] },
    });
  });

  it("answers for a case with no records, and another organisation's IG lead sees only their own", async () => {
    const none = await exportSubjectAccess(priya, { caseReference: `EXP-${RUN}-NONE` }, TEST_META);
    expect(none).toEqual({ ok: true, found: false, caseReference: `EXP-${RUN}-NONE` });
    // The search is in the log, and is not a disclosure.
    expect(await lastEvent(priya.userId)).toMatchObject({
      action: "subject-access.search",
      caseReference: `EXP-${RUN}-NONE`,
      outcome: "SUCCESS",
      detail: { decisions: 0 },
    });
    const dan = await actorFor(DAN);
    const riverside = await exportSubjectAccess(dan, { caseReference: CASE_A }, TEST_META);
    expect(riverside.ok && riverside.found && riverside.document.decisions.map((d) => d.reference)).toEqual([
      refs.tomA,
    ]);
    expect(riversideId).not.toBe(northshireId);
  });

  it("refuses a practitioner, and the practitioner's own records do not change that", async () => {
    const sam = await actorFor(SAM);
    session.current = { status: "signed-in", user: sam, unreadNotifications: 0 };
    const route = new Request(`http://localhost/api/exports/subject-access?caseReference=${CASE_A}`);
    expect((await getSubjectAccessRoute(route)).status).toBe(403);
    expect(await lastEvent(sam.userId)).toMatchObject({
      action: "access.denied",
      detail: { attempted: "subject-access.export" },
    });
  });
});

describe("the audit export's UK time", () => {
  it("is UK wall-clock time with the offset in force, either side of the clocks changing", async () => {
    const cases: [string, string][] = [
      ["2026-03-29T00:59:59Z", "2026-03-29T00:59:59+00:00"],
      ["2026-03-29T01:30:00Z", "2026-03-29T02:30:00+01:00"],
      ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00+01:00"],
      ["2026-10-25T01:30:00Z", "2026-10-25T01:30:00+00:00"],
      ["2026-12-31T23:59:59Z", "2026-12-31T23:59:59+00:00"],
    ];
    for (const [instant, expected] of cases) {
      const sql = Prisma.sql`SELECT ${ukTimeWithOffset(Prisma.sql`${instant}::timestamptz`)} AS uk`;
      const rows = await db().$queryRaw<{ uk: string }[]>(sql);
      expect(rows[0]!.uk).toBe(expected);
    }
  });
});

describe("the export routes", () => {
  const url = (path: string) =>
    new Request(`http://localhost${path}`, {
      headers: { "x-request-id": "route-test", "x-forwarded-for": "203.0.113.9" },
    });

  it("answer 401 when signed out or revoked", async () => {
    for (const state of [{ status: "signed-out" }, { status: "revoked" }] as SessionState[]) {
      session.current = state;
      for (const get of [
        () => getAuditEventsRoute(url("/api/exports/audit-events")),
        () => getDecisionsRoute(url("/api/exports/decisions")),
        () => getSubjectAccessRoute(url("/api/exports/subject-access?caseReference=X1")),
      ]) {
        const response = await get();
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ error: "Sign in to use this API" });
      }
    }
  });

  it("send the IG lead back to the form, downloading nothing, for a case with no records", async () => {
    session.current = { status: "signed-in", user: priya, unreadNotifications: 0 };
    const response = await getSubjectAccessRoute(url(`/api/exports/subject-access?caseReference=EXP-${RUN}-TYPO`));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/subject-access?notFound=EXP-${RUN}-TYPO`);
    expect(response.headers.get("content-disposition")).toBeNull();
    expect(await lastEvent(priya.userId)).toMatchObject({ action: "subject-access.search" });
  });

  it("answer 403 for a practitioner", async () => {
    session.current = { status: "signed-in", user: await actorFor(SAM), unreadNotifications: 0 };
    const response = await getAuditEventsRoute(url("/api/exports/audit-events"));
    expect(response.status).toBe(403);
    expect((await response.json()).error).toBe("You do not have permission to make this export");
    expect((await getDecisionsRoute(url("/api/exports/decisions"))).status).toBe(403);
    expect((await getSubjectAccessRoute(url(`/api/exports/subject-access?caseReference=${CASE_A}`))).status).toBe(403);
  });

  it("answer 400 with messages for an invalid filter", async () => {
    session.current = { status: "signed-in", user: priya, unreadNotifications: 0 };
    const response = await getAuditEventsRoute(url("/api/exports/audit-events?outcome=MAYBE&action=a&action=b"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "The export filter is not valid",
      errors: expect.arrayContaining([
        { field: "outcome", message: "Outcome must be SUCCESS, DENIED or FAILURE" },
        { field: "action", message: "Enter one action" },
      ]),
    });
    expect((await getDecisionsRoute(url("/api/exports/decisions?flag=URGENT"))).status).toBe(400);
    expect((await getSubjectAccessRoute(url("/api/exports/subject-access"))).status).toBe(400);
  });

  it("stream CSV attachments and record the request's id and address", async () => {
    session.current = { status: "signed-in", user: priya, unreadNotifications: 0 };
    const response = await getAuditEventsRoute(
      url(`/api/exports/audit-events?caseReference=${encodeURIComponent(CASE_B)}&action=`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-events-[0-9T-]+Z\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { rows } = await readCsv(response.body!);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.case_reference === CASE_B)).toBe(true);
    // In words and in UK time with the offset, as the audit log page shows them.
    const recorded = rows.find((r) => r.action === "decision.record")!;
    expect(recorded).toMatchObject({ what_happened: "Recorded a decision", role: "Practitioner" });
    expect(recorded.uk_time).toBe(ukTimeInJavaScript(new Date(recorded.at!)));
    expect(await lastEvent(priya.userId)).toMatchObject({
      action: "audit.export",
      requestId: "route-test",
      ip: "203.0.113.9",
      caseReference: CASE_B,
    });

    const decisions = await getDecisionsRoute(
      url(`/api/exports/decisions?caseReference=${encodeURIComponent(CASE_B)}`),
    );
    expect((await readCsv(decisions.body!)).rows.map((r) => r.reference)).toEqual([refs.samB]);

    const sar = await getSubjectAccessRoute(
      url(`/api/exports/subject-access?caseReference=${encodeURIComponent(CASE_B)}&format=csv`),
    );
    expect(sar.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(sar.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="subject-access-EXP-${RUN}-B-.*\\.csv"$`),
    );
    const sarJson = await getSubjectAccessRoute(
      url(`/api/exports/subject-access?caseReference=${encodeURIComponent(CASE_B)}`),
    );
    expect(sarJson.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect((await sarJson.json()).decisions.map((d: { reference: string }) => d.reference)).toEqual([refs.samB]);
  });
});
