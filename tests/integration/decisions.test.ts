import { describe, expect, it } from "vitest";
import { applicableSteps } from "@/domain/wizard";
import { VALID, consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { startDraft } from "@/server/decisions/start-draft";
import { saveDraftAnswer } from "@/server/decisions/save-draft-answer";
import { recordDecision } from "@/server/decisions/record-decision";
import { viewDecision } from "@/server/decisions/view-decision";
import { loadOwnDraft } from "@/server/decisions/drafts";
import { db } from "@/server/infra/db";
import { TEST_META, actorFor, answerAll, expectRefusedAsAppendOnly, newDraft, recordThroughWizard } from "./support";
import { SAM, JO } from "./demo-people";

describe("recording a decision", () => {
  it("records a complete draft once, removes the draft and audits every step", async () => {
    const draftId = await newDraft(SAM);
    await answerAll(SAM, draftId, consentGivenShareAnswers(), "INT-0001");
    const result = await recordDecision(await actorFor(SAM), draftId, TEST_META);
    expect(result).toMatchObject({ ok: true, alreadyRecorded: false });
    if (!result.ok) return;

    const row = await db().decision.findUniqueOrThrow({ where: { reference: result.reference } });
    expect(row).toMatchObject({
      caseReference: "INT-0001",
      outcome: "SHARE",
      indication: "SHARE",
      departsFromIndication: false,
      consentStatus: "GIVEN",
      kind: "ORIGINAL",
      draftId,
    });
    expect(row.lawfulBasisIds).toContain("art6-1-e");
    expect((row.record as { rationale: string }).rationale).toBe(VALID.decision.rationale);
    expect(await db().decisionDraft.count({ where: { id: draftId } })).toBe(0);

    const actions = await db().auditEvent.findMany({
      where: { objectId: { in: [draftId, result.reference] } },
      orderBy: { id: "asc" },
    });
    expect(actions[0]?.action).toBe("draft.create");
    expect(actions.filter((a) => a.action === "draft.save").length).toBe(
      applicableSteps(consentGivenShareAnswers()).length - 1,
    );
    expect(actions.at(-1)).toMatchObject({ action: "decision.record", caseReference: "INT-0001", outcome: "SUCCESS" });
  });

  it("records exactly one decision when the same draft is submitted twice at once, and again later", async () => {
    const draftId = await newDraft(SAM);
    await answerAll(SAM, draftId, consentGivenShareAnswers(), "INT-0002");
    const sam = await actorFor(SAM);
    const [first, second] = await Promise.all([
      recordDecision(sam, draftId, TEST_META),
      recordDecision(sam, draftId, TEST_META),
    ]);
    const replay = await recordDecision(sam, draftId, TEST_META);
    expect(first.ok && second.ok && replay.ok).toBe(true);
    if (!first.ok || !second.ok || !replay.ok) return;
    expect(new Set([first.reference, second.reference, replay.reference]).size).toBe(1);
    expect(await db().decision.count({ where: { draftId } })).toBe(1);
  });

  it("refuses an incomplete draft and says which question to answer", async () => {
    const draftId = await newDraft(SAM);
    const sam = await actorFor(SAM);
    await saveDraftAnswer(sam, draftId, "urgency", { immediateRisk: "no" }, TEST_META);
    const result = await recordDecision(sam, draftId, TEST_META);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.stepId).toBe("request");
    expect(await db().decision.count({ where: { draftId } })).toBe(0);
  });
});

describe("tampered and invalid posts store nothing", () => {
  it("rejects unknown fields, wrong types and empty answers", async () => {
    const draftId = await newDraft(SAM);
    const sam = await actorFor(SAM);
    for (const input of [{ immediateRisk: "no", role: "ADMIN" }, { immediateRisk: ["no"] }, { immediateRisk: 1 }, {}]) {
      const result = await saveDraftAnswer(sam, draftId, "urgency", input, TEST_META);
      expect(result.ok).toBe(false);
    }
    expect((await loadOwnDraft(sam, draftId))?.answers).toEqual({});
  });

  it("refuses a later question before the earlier ones are answered", async () => {
    const draftId = await newDraft(SAM);
    const sam = await actorFor(SAM);
    const result = await saveDraftAnswer(
      sam,
      draftId,
      "decision",
      VALID.decision as unknown as Record<string, unknown>,
      TEST_META,
    );
    expect(result).toMatchObject({ ok: false, error: "invalid" });
    expect((await loadOwnDraft(sam, draftId))?.answers).toEqual({});
  });

  it("treats someone else's draft, an unknown step and a malformed id as not found", async () => {
    const draftId = await newDraft(SAM);
    const jo = await actorFor(JO);
    expect(await saveDraftAnswer(jo, draftId, "urgency", { immediateRisk: "no" }, TEST_META)).toMatchObject({
      ok: false,
      error: "not-found",
    });
    expect(await recordDecision(jo, draftId, TEST_META)).toMatchObject({ ok: false, error: "not-found" });
    expect(await saveDraftAnswer(await actorFor(SAM), draftId, "not-a-step", {}, TEST_META)).toMatchObject({
      ok: false,
      error: "not-found",
    });
    expect(
      await saveDraftAnswer(
        await actorFor(SAM),
        "'; DROP TABLE decision; --",
        "urgency",
        { immediateRisk: "no" },
        TEST_META,
      ),
    ).toMatchObject({ ok: false, error: "not-found" });
    expect((await loadOwnDraft(await actorFor(SAM), draftId))?.answers).toEqual({});
  });
});

describe("a saved decision never changes", () => {
  it("refuses UPDATE, DELETE and TRUNCATE on decisions even for the table owner", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "INT-0003");
    await expectRefusedAsAppendOnly("UPDATE decision SET outcome = 'NO_SHARE' WHERE reference = $1", [reference]);
    await expectRefusedAsAppendOnly("DELETE FROM decision WHERE reference = $1", [reference]);
    await expectRefusedAsAppendOnly("TRUNCATE decision CASCADE");
    expect((await db().decision.findUniqueOrThrow({ where: { reference: reference } })).outcome).toBe("SHARE");
  });

  it("makes a reconsideration a new record linked to the original", async () => {
    const draftId = await newDraft(SAM);
    await answerAll(SAM, draftId, consentGivenShareAnswers(), "INT-0004");
    const sam = await actorFor(SAM);
    const original = await recordDecision(sam, draftId, TEST_META);
    if (!original.ok) throw new Error("not recorded");

    const follow = await startDraft(
      sam,
      { kind: "RECONSIDERATION", supersedesReference: original.reference },
      TEST_META,
    );
    if (!follow.ok) throw new Error(JSON.stringify(follow.errors));
    const draft = await loadOwnDraft(sam, follow.draftId);
    expect(draft?.answers.concern?.caseReference).toBe("INT-0004");
    expect(draft?.answers.decision).toBeUndefined();

    const decision = {
      ...VALID.decision,
      outcome: "SHARE_PART",
      rationale: "New information from the school means only attendance needs sharing now.",
    };
    expect(await saveDraftAnswer(sam, follow.draftId, "decision", decision, TEST_META)).toMatchObject({ ok: true });
    const reconsidered = await recordDecision(sam, follow.draftId, TEST_META);
    if (!reconsidered.ok) throw new Error(JSON.stringify(reconsidered.errors));
    const row = await db().decision.findUniqueOrThrow({
      where: { reference: reconsidered.reference },
      include: { supersedes: true },
    });
    expect(row).toMatchObject({ kind: "RECONSIDERATION", outcome: "SHARE_PART" });
    expect(row.supersedes?.reference).toBe(original.reference);
  });

  it("does not let another practitioner reconsider someone else's decision", async () => {
    const draftId = await newDraft(SAM);
    await answerAll(SAM, draftId, consentGivenShareAnswers(), "INT-0005");
    const original = await recordDecision(await actorFor(SAM), draftId, TEST_META);
    if (!original.ok) throw new Error("not recorded");
    expect(
      await startDraft(
        await actorFor(JO),
        { kind: "RECONSIDERATION", supersedesReference: original.reference },
        TEST_META,
      ),
    ).toMatchObject({ ok: false, error: "forbidden" });
  });
});

describe("viewing a decision", () => {
  it("lets the author, their supervisor and IG lead see it, audits each view, and hides it from others", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "INT-0006");
    const view = async (email: string) =>
      viewDecision(await actorFor(email), reference, TEST_META, { action: "decision.view", channel: "page" });

    expect((await view(SAM)).ok).toBe(true);
    expect((await view("alex.morgan@northshire.example")).ok).toBe(true);
    expect((await view("priya.shah@northshire.example")).ok).toBe(true);
    expect(await view(JO)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await view("ruth.okafor@riverside.example")).toMatchObject({ ok: false, error: "not-found" });
    expect(await view("admin@northshire.example")).toMatchObject({ ok: false, error: "forbidden" });

    const events = await db().auditEvent.findMany({
      where: { objectId: reference, action: { in: ["decision.view", "access.denied"] } },
    });
    expect(events.filter((e) => e.action === "decision.view")).toHaveLength(3);
    // Jo and the admin are refused by the policy; Ruth (another organisation) is told "not found",
    // and that lookup is a refusal too.
    expect(events.filter((e) => e.action === "access.denied")).toHaveLength(3);
  });
});
