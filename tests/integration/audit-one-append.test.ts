// One audit append (decision 012): appendAuditEvent, recordDecision (record_decision) and database
// functions (append_audit_event's SQL-only form) all chain through append_audit_event, so events
// written every way, interleaved on one chain, verify together; and the SQL serialisation that
// database functions use is the domain's, byte for byte.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AuditEventInput, type JsonValue, chainEventTemplate, chainKeyFor } from "@/domain/audit";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { appendAuditEvent, appendAuditEvents, auditEntry } from "@/server/audit/append-audit-event";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { recordDecision } from "@/server/decisions/record-decision";
import { db } from "@/server/infra/db";
import { TEST_META, actorFor, answerAll, newDraft, ownerDatabaseUrl, withAppRole } from "./support";
import { SAM } from "./demo-people";

describe("one audit append", () => {
  it("chains appendAuditEvent, recordDecision and SQL callers, interleaved, into one verifiable chain", async () => {
    const sam = await actorFor(SAM);
    const drafts = [];
    for (let i = 0; i < 3; i += 1) {
      const draftId = await newDraft(SAM);
      await answerAll(SAM, draftId, consentGivenShareAnswers(), `ONE-APPEND-${i}`);
      drafts.push(draftId);
    }
    const chainKey = chainKeyFor(sam.organisationId);
    const before = await db().auditChainHead.findUniqueOrThrow({ where: { chainKey } });
    await Promise.all([
      ...drafts.map(async (draftId) => {
        expect(await recordDecision(sam, draftId, TEST_META)).toMatchObject({ ok: true });
      }),
      ...[1, 2, 3].map((n) =>
        db().$transaction((tx) =>
          appendAuditEvent(tx, auditEntry(sam, TEST_META, { action: "test.ts", outcome: "SUCCESS", detail: { n } })),
        ),
      ),
      ...[1, 2, 3].map((n) =>
        withAppRole((client) =>
          client.query(
            `SELECT append_audit_event($1::uuid, $2::uuid, 'PRACTITIONER', 'test.sql', 'decision', $3, 'CASE-1',
                                       'req-sql', NULL, 'SUCCESS', $4::jsonb)`,
            [sam.organisationId, sam.userId, `ref-${n}`, JSON.stringify({ n, nested: { é: ['a\n"b', true, null] } })],
          ),
        ),
      ),
    ]);
    const after = await db().auditChainHead.findUniqueOrThrow({ where: { chainKey: chainKeyFor(sam.organisationId) } });
    expect(after.lastSeq - before.lastSeq).toBe(9n);
    const actions = await db().auditEvent.groupBy({
      by: ["action"],
      where: { chainKey: chainKeyFor(sam.organisationId), chainSeq: { gt: before.lastSeq } },
      _count: true,
    });
    expect(Object.fromEntries(actions.map((a) => [a.action, a._count]))).toEqual({
      "decision.record": 3,
      "test.ts": 3,
      "test.sql": 3,
    });
    expect(await verifyAuditChains(ownerDatabaseUrl(), { chainKey })).toMatchObject({ breaks: [] });
  });

  it("starts a chain's head at the genesis hash on its first event", async () => {
    const organisationId = crypto.randomUUID();
    await db().$transaction((tx) =>
      appendAuditEvent(
        tx,
        auditEntry({ userId: crypto.randomUUID(), role: "IG_LEAD", organisationId }, TEST_META, {
          action: "t",
          outcome: "SUCCESS",
        }),
      ),
    );
    const event = await db().auditEvent.findFirstOrThrow({ where: { chainKey: organisationId } });
    expect(event).toMatchObject({ chainSeq: 1n, prevHash: "0".repeat(64) });
    expect(await verifyAuditChains(ownerDatabaseUrl(), { chainKey: organisationId })).toMatchObject({ breaks: [] });
  });

  it("appends many events in one statement, each chain's in the order given, on two chains, verifiably", async () => {
    const sam = await actorFor(SAM);
    const other = crypto.randomUUID();
    const before = await db().auditChainHead.findUniqueOrThrow({
      where: { chainKey: chainKeyFor(sam.organisationId) },
    });
    const entry = (organisationId: string, n: number) =>
      auditEntry({ ...sam, organisationId }, TEST_META, { action: "test.many", outcome: "SUCCESS", detail: { n } });
    await db().$transaction((tx) =>
      appendAuditEvents(tx, [entry(sam.organisationId, 1), entry(other, 2), entry(sam.organisationId, 3)]),
    );
    const events = await db().auditEvent.findMany({
      where: { action: "test.many" },
      orderBy: { id: "asc" },
      select: { chainKey: true, chainSeq: true, detail: true },
    });
    const samsChain = chainKeyFor(sam.organisationId);
    const sams = [
      { chainKey: samsChain, chainSeq: before.lastSeq + 1n, detail: { n: 1 } },
      { chainKey: samsChain, chainSeq: before.lastSeq + 2n, detail: { n: 3 } },
    ];
    const others = [{ chainKey: other, chainSeq: 1n, detail: { n: 2 } }];
    // Each chain's events in the order given; the chains one after the other, by key: the one order in which
    // every writer of several chains takes their heads (request-audit-lock-order.test.ts).
    expect(events).toEqual(samsChain < other ? [...sams, ...others] : [...others, ...sams]);
    for (const chainKey of [chainKeyFor(sam.organisationId), other])
      expect(await verifyAuditChains(ownerDatabaseUrl(), { chainKey })).toMatchObject({ breaks: [] });
  });

  it("refuses, rather than mis-hash, a SQL-built event with a number JavaScript would write differently", async () => {
    await expect(
      withAppRole((client) =>
        client.query(
          `SELECT append_audit_event(NULL, NULL, NULL, 'test.sql', NULL, NULL, NULL, NULL, NULL, 'SUCCESS',
                                     '{"x": 1.50}')`,
        ),
      ),
    ).rejects.toThrow(/safe integers/);
  });

  it("serialises in SQL exactly as the domain's chainEventTemplate does", async () => {
    // PostgreSQL text cannot hold NUL; keys with U+E000..U+FFFF are refused (their order could differ).
    const text = fc.string({ unit: "binary", maxLength: 12 }).filter((s) => !s.includes("\u0000"));
    const key = text.filter((s) => !/[\uE000-\uFFFF]/u.test(s));
    const leaf = fc.oneof(text, fc.maxSafeInteger(), fc.integer(), fc.boolean(), fc.constant(null));
    const json: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(key, tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    const optional = fc.option(text, { nil: null });
    const input: fc.Arbitrary<AuditEventInput> = fc.record({
      actorId: fc.option(fc.uuid(), { nil: null }),
      actorRole: fc.option(fc.constantFrom("PRACTITIONER", "SUPERVISOR", "IG_LEAD", "ADMIN"), { nil: null }),
      organisationId: fc.option(fc.uuid(), { nil: null }),
      action: text,
      objectType: optional,
      objectId: optional,
      caseReference: optional,
      requestId: optional,
      ip: optional,
      outcome: fc.constantFrom("SUCCESS", "DENIED", "FAILURE"),
      detail: fc.dictionary(key, json, { maxKeys: 5 }),
    });
    const at = fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2100-01-01T00:00:00Z"),
      noInvalidDate: true,
    });
    await withAppRole(async (client) => {
      await fc.assert(
        fc.asyncProperty(input, at, async (event, when) => {
          const expected = chainEventTemplate(event, when);
          const { rows } = await client.query(
            `SELECT prefix, middle, suffix
               FROM audit_event_template($1::uuid, $2::timestamptz, $3::uuid, $4::"Role", $5, $6, $7,
                                         $8, $9, $10, $11::"AuditOutcome", $12::jsonb)`,
            [
              event.organisationId,
              when.toISOString(),
              event.actorId,
              event.actorRole,
              event.action,
              event.objectType,
              event.objectId,
              event.caseReference,
              event.requestId,
              event.ip,
              event.outcome,
              JSON.stringify(event.detail),
            ],
          );
          expect(rows[0]).toEqual({ prefix: expected.before, middle: expected.between, suffix: expected.after });
        }),
        { numRuns: 150 },
      );
    });
  });
});
