// recordDecision writes the decision, its queue item, the notifications and the draft's removal in
// one SQL statement (decision 007, recording throughput): these check it writes exactly the rows
// the model-API version wrote, that the audit chain still verifies, and that a reference
// collision is retried.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { chainKeyFor } from "@/domain/audit";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { recordDecision } from "@/server/decisions/record-decision";
import { verifyAuditChains } from "@/server/audit/verify-audit-chains";
import { db } from "@/server/infra/db";
import { TEST_META, actorFor, answerAll, newDraft, ownerDatabaseUrl, withSuperuser } from "./support";
import { SAM } from "./demo-people";

// References come from a queue the tests fill first, then from the real generator.
const forcedReferences = vi.hoisted(() => [] as string[]);
vi.mock("@/server/decisions/reference", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/server/decisions/reference")>();
  return { ...actual, newDecisionReference: () => forcedReferences.shift() ?? actual.newDecisionReference() };
});

/** A team of its own: a practitioner, two active supervisors, a disabled one; and a supervisor of another team. */
async function teamWithSupervisors() {
  const sam = await actorFor(SAM);
  const tag = randomUUID().slice(0, 8);
  const teamId = randomUUID();
  const ids = {
    practitioner: randomUUID(),
    supervisorA: randomUUID(),
    supervisorB: randomUUID(),
    disabled: randomUUID(),
    elsewhere: randomUUID(),
  };
  await withSuperuser(async (client) => {
    await client.query("INSERT INTO team (id, organisation_id, name) VALUES ($1, $2, $3)", [
      teamId,
      sam.organisationId,
      `Record test ${tag}`,
    ]);
    const user = (id: string, role: string, team: string | null, disabled: boolean) =>
      client.query(
        `INSERT INTO app_user (id, email, name, password_hash, role, organisation_id, team_id, disabled_at)
         VALUES ($1, $2, $3, 'x', $4::"Role", $5, $6, CASE WHEN $7 THEN now() END)`,
        [
          id,
          `${role.toLowerCase()}-${id.slice(0, 8)}@northshire.example`,
          `${role} ${tag}`,
          role,
          sam.organisationId,
          team,
          disabled,
        ],
      );
    await user(ids.practitioner, "PRACTITIONER", teamId, false);
    await user(ids.supervisorA, "SUPERVISOR", teamId, false);
    await user(ids.supervisorB, "SUPERVISOR", teamId, false);
    await user(ids.disabled, "SUPERVISOR", teamId, true);
    await user(ids.elsewhere, "SUPERVISOR", sam.teamId, false);
  });
  const email = (await db().user.findUniqueOrThrow({ where: { id: ids.practitioner } })).email;
  return { teamId, ids, email };
}

/** Sam records one decision, then answers a second draft that is ready to record. */
async function recordedThenSecondDraft(firstCase: string, secondCase: string) {
  const sam = await actorFor(SAM);
  const first = await newDraft(SAM);
  await answerAll(SAM, first, consentGivenShareAnswers(), firstCase);
  const taken = await recordDecision(sam, first, TEST_META);
  if (!taken.ok) throw new Error("not recorded");
  const second = await newDraft(SAM);
  await answerAll(SAM, second, consentGivenShareAnswers(), secondCase);
  return { sam, taken, second };
}

describe("recordDecision's rows", () => {
  it("writes decision, queue item, a notification per active team supervisor, verifiable event; no draft", async () => {
    const { teamId, ids, email } = await teamWithSupervisors();
    const draftId = await newDraft(email);
    await answerAll(email, draftId, consentGivenShareAnswers(), "ROWS-0001");
    const author = await actorFor(email);
    const result = await recordDecision(author, draftId, TEST_META);
    expect(result).toMatchObject({ ok: true, alreadyRecorded: false });
    if (!result.ok) return;

    const decision = await db().decision.findUniqueOrThrow({
      where: { reference: result.reference },
      include: { queueItem: true },
    });
    const record = decision.record as Record<string, unknown>;
    expect(decision).toMatchObject({
      draftId,
      kind: "ORIGINAL",
      supersedesId: null,
      organisationId: author.organisationId,
      teamId,
      authorId: author.userId,
      caseReference: "ROWS-0001",
    });
    // The columns are copies of the record the domain built, as before.
    expect(record).toMatchObject({
      reference: result.reference,
      caseReference: "ROWS-0001",
      outcome: decision.outcome,
      indication: decision.indication,
    });
    expect(decision.recordedAt.toISOString()).toBe(record.decidedAt);
    expect(decision.reviewDueAt.toISOString()).toBe(record.reviewDueAt);
    expect(decision.retainUntil.toISOString()).toBe(record.retainUntil);
    expect(decision.decisionDate.toISOString().slice(0, 10)).toBe(record.decisionDate);
    expect(decision.reviewFlags).toEqual(record.reviewFlags);
    expect(decision.concernCategories).toEqual(record.concernCategories);
    expect(decision.lawfulBasisIds).toEqual((record.lawfulBases as { ids: string[] }).ids);
    expect(decision.queueItem).toEqual({
      decisionId: decision.id,
      organisationId: author.organisationId,
      teamId,
      authorId: author.userId,
      // What the domain decided: urgent flags only (decision 027).
      flagged: record.reviewSeverity === "URGENT",
      flags: decision.reviewFlags,
      outcome: decision.outcome,
      recordedAt: decision.recordedAt,
      reviewDueAt: decision.reviewDueAt,
    });

    const notified = await db().notification.findMany({ where: { decisionReference: result.reference } });
    expect(notified.map((n) => n.userId).sort()).toEqual([ids.supervisorA, ids.supervisorB].sort());
    expect(notified.every((n) => n.kind === "REVIEW_REQUESTED" && n.readAt === null && n.escalationId === null)).toBe(
      true,
    );
    expect(await db().decisionDraft.count({ where: { id: draftId } })).toBe(0);

    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: "decision.record", objectId: result.reference },
    });
    expect(event).toMatchObject({
      actorId: author.userId,
      objectType: "decision",
      caseReference: "ROWS-0001",
      outcome: "SUCCESS",
      requestId: TEST_META.requestId,
    });
    expect(event.detail).toEqual({
      kind: "ORIGINAL",
      outcome: decision.outcome,
      indication: decision.indication,
      departsFromIndication: decision.departsFromIndication,
      flags: decision.reviewFlags,
    });
    const chainKey = chainKeyFor(author.organisationId);
    expect(await verifyAuditChains(ownerDatabaseUrl(), { chainKey })).toMatchObject({ breaks: [] });
  });

  it("retries with a new reference when the first is taken, writing nothing twice", async () => {
    const { sam, taken, second } = await recordedThenSecondDraft("ROWS-0002", "ROWS-0003");
    forcedReferences.push(taken.reference);
    const result = await recordDecision(sam, second, TEST_META);
    expect(forcedReferences).toEqual([]);
    expect(result).toMatchObject({ ok: true, alreadyRecorded: false });
    if (!result.ok) return;
    expect(result.reference).not.toBe(taken.reference);
    expect(await db().decision.count({ where: { draftId: second } })).toBe(1);
    expect(await db().notification.count({ where: { decisionReference: taken.reference } })).toBe(
      await db().notification.count({ where: { decisionReference: result.reference } }),
    );
    expect(await db().auditEvent.count({ where: { action: "decision.record", objectId: taken.reference } })).toBe(1);
    expect(await verifyAuditChains(ownerDatabaseUrl(), { chainKey: chainKeyFor(sam.organisationId) })).toMatchObject({
      breaks: [],
    });
  });

  it("gives up after five taken references with the database's error", async () => {
    const { sam, taken, second } = await recordedThenSecondDraft("ROWS-0004", "ROWS-0005");
    forcedReferences.push(...Array.from({ length: 5 }, () => taken.reference));
    await expect(recordDecision(sam, second, TEST_META)).rejects.toThrow(/decision_reference_key|reference/);
    expect(forcedReferences).toEqual([]);
    expect(await db().decisionDraft.count({ where: { id: second } })).toBe(1);
  });

  it("treats stored answers that no longer parse as none, as the wizard does", async () => {
    const sam = await actorFor(SAM);
    const empty = await newDraft(SAM);
    const stale = await newDraft(SAM);
    await withSuperuser((client) =>
      client.query(
        `UPDATE decision_draft SET answers = '{"urgency": {"level": "no-longer-an-option"}}' WHERE id = $1`,
        [stale],
      ),
    );
    const fromEmpty = await recordDecision(sam, empty, TEST_META);
    const fromStale = await recordDecision(sam, stale, TEST_META);
    expect(fromEmpty).toMatchObject({ ok: false, error: "invalid" });
    expect(fromStale).toEqual(fromEmpty);
    expect(await db().decisionDraft.count({ where: { id: { in: [empty, stale] } } })).toBe(2);
  });

  it("records many drafts at once, each submitted twice, once each, in one unbroken chain", async () => {
    const sam = await actorFor(SAM);
    const drafts: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const draftId = await newDraft(SAM);
      await answerAll(SAM, draftId, consentGivenShareAnswers(), `ROWS-1${i}`);
      drafts.push(draftId);
    }
    const results = await Promise.all(
      drafts.flatMap((draftId) => [recordDecision(sam, draftId, TEST_META), recordDecision(sam, draftId, TEST_META)]),
    );
    for (let i = 0; i < drafts.length; i += 1) {
      const [a, b] = [results[2 * i]!, results[2 * i + 1]!];
      if (!a.ok || !b.ok) throw new Error("not recorded");
      expect(a.reference).toBe(b.reference);
      expect([a.alreadyRecorded, b.alreadyRecorded].sort()).toEqual([false, true]);
    }
    expect(await db().decision.count({ where: { draftId: { in: drafts } } })).toBe(drafts.length);
    const references = results.flatMap((r) => (r.ok ? [r.reference] : []));
    expect(await db().auditEvent.count({ where: { action: "decision.record", objectId: { in: references } } })).toBe(
      drafts.length,
    );
    expect(await db().reviewQueueItem.count({ where: { decision: { draftId: { in: drafts } } } })).toBe(drafts.length);
    expect(await verifyAuditChains(ownerDatabaseUrl(), { chainKey: chainKeyFor(sam.organisationId) })).toMatchObject({
      breaks: [],
    });
  });
});
