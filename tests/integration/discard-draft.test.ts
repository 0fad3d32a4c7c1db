// Drafts can be discarded (issue 13): by their author only, with the discard audited in the same
// transaction, naming how far the draft had got; the list of drafts says how far each got.
import { describe, expect, it } from "vitest";
import { VALID } from "@/domain/wizard/test-fixtures";
import { discardDraft } from "@/server/decisions/discard-draft";
import { listOwnDecisions } from "@/server/decisions/list-own-decisions";
import { saveDraftAnswer } from "@/server/decisions/save-draft-answer";
import { db } from "@/server/infra/db";
import { TEST_META, actorFor, newDraft } from "./support";
import { SAM, JO } from "./demo-people";

async function draftWithOpening(email: string, caseReference: string): Promise<string> {
  const draftId = await newDraft(email);
  const user = await actorFor(email);
  for (const [step, answer] of [
    ["urgency", VALID.urgency],
    ["request", VALID.request],
    // Identifiable comes before the case reference (decision 023).
    ["identifiable", VALID.identifiable],
    ["concern", { ...VALID.concern, caseReference }],
  ] as const) {
    const saved = await saveDraftAnswer(user, draftId, step, answer as Record<string, unknown>, TEST_META);
    expect(saved.ok).toBe(true);
  }
  return draftId;
}

describe("discarding a draft", () => {
  it("deletes the author's draft and audits it, with the case and how far it got", async () => {
    const draftId = await draftWithOpening(SAM, "DISCARD-1");
    const sam = await actorFor(SAM);

    const listed = (await listOwnDecisions(sam, {})).drafts.find((d) => d.id === draftId);
    expect(listed?.resumesAt).toMatchObject({ sectionNumber: expect.any(Number), question: expect.any(String) });
    expect(listed!.resumesAt!.sectionNumber).toBeGreaterThan(1);

    expect(await discardDraft(sam, draftId, TEST_META)).toEqual({ ok: true, caseReference: "DISCARD-1" });
    expect(await db().decisionDraft.count({ where: { id: draftId } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({ where: { objectId: draftId }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      action: "draft.discard",
      actorId: sam.userId,
      objectType: "draft",
      caseReference: "DISCARD-1",
      outcome: "SUCCESS",
      detail: { kind: "ORIGINAL", draftStep: "about-the-information" },
    });
  });

  it("is not found for someone else's draft, a discarded one, or no draft, and audits nothing", async () => {
    const draftId = await draftWithOpening(SAM, "DISCARD-2");
    const jo = await actorFor(JO);
    const before = await db().auditEvent.count();
    for (const id of [draftId, "not-a-uuid", "00000000-0000-4000-8000-000000000000", 42]) {
      expect(await discardDraft(jo, id, TEST_META)).toMatchObject({ ok: false, error: "not-found" });
    }
    expect(await db().auditEvent.count()).toBe(before);
    expect(await db().decisionDraft.count({ where: { id: draftId } })).toBe(1);

    const sam = await actorFor(SAM);
    expect((await discardDraft(sam, draftId, TEST_META)).ok).toBe(true);
    expect(await discardDraft(sam, draftId, TEST_META)).toMatchObject({ ok: false, error: "not-found" });
  });
});
