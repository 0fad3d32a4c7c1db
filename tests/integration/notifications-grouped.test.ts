// Notifications grouped (issue 13, decision 027): a supervisor gets one review request per case and
// reason, updated as the case's decisions arrive, not one per decision.
import { describe, expect, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { recordDecision } from "@/server/decisions/record-decision";
import { listNotifications, markAllNotificationsRead } from "@/server/notifications/list-notifications";
import { db } from "@/server/infra/db";
import { TEST_META, actorFor, answerAll, newDraft, recordThroughWizard } from "./support";
import { SAM, ALEX, noShareAnswers, sharedOverRefusalWithChildAtRisk } from "./review-fixtures";

async function alexRequestsFor(caseReference: string) {
  return (await listNotifications(await actorFor(ALEX))).filter(
    (n) => n.kind === "REVIEW_REQUESTED" && n.caseReference === caseReference,
  );
}

describe("a supervisor's review requests, grouped by case and reason", () => {
  it("updates the case's unread request (count, latest reference, time) instead of adding one", async () => {
    const first = await recordThroughWizard(SAM, consentGivenShareAnswers(), "NOTE-0001");
    const [alone] = await alexRequestsFor("NOTE-0001");
    expect(alone).toMatchObject({ decisionReference: first, reason: "UNFLAGGED", decisionCount: 1, read: false });
    const second = await recordThroughWizard(SAM, consentGivenShareAnswers(), "NOTE-0001");
    const third = await recordThroughWizard(SAM, consentGivenShareAnswers(), "NOTE-0001");
    const requests = await alexRequestsFor("NOTE-0001");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ id: alone!.id, decisionReference: third, decisionCount: 3 });
    expect(requests[0]!.createdAt > alone!.createdAt).toBe(true);
    expect(second).not.toBe(third);
    // Newest activity first: the grouped request is at the top of the list.
    expect((await listNotifications(await actorFor(ALEX)))[0]!.id).toBe(alone!.id);
  });

  it("keeps reasons apart: urgent, flagged and unflagged requests for one case are separate", async () => {
    await recordThroughWizard(SAM, consentGivenShareAnswers(), "NOTE-0002");
    const routine = await recordThroughWizard(SAM, noShareAnswers(), "NOTE-0002");
    const urgent = await recordThroughWizard(SAM, sharedOverRefusalWithChildAtRisk(), "NOTE-0002");
    const urgentAgain = await recordThroughWizard(SAM, sharedOverRefusalWithChildAtRisk(), "NOTE-0002");
    const byReason = new Map((await alexRequestsFor("NOTE-0002")).map((n) => [n.reason, n]));
    expect([...byReason.keys()].sort()).toEqual(["FLAGGED", "UNFLAGGED", "URGENT"]);
    expect(byReason.get("FLAGGED")).toMatchObject({ decisionReference: routine, decisionCount: 1 });
    expect(byReason.get("URGENT")).toMatchObject({ decisionReference: urgentAgain, decisionCount: 2 });
    expect(urgent).not.toBe(urgentAgain);
  });

  it("keeps cases apart", async () => {
    await recordThroughWizard(SAM, consentGivenShareAnswers(), "NOTE-0003");
    await recordThroughWizard(SAM, consentGivenShareAnswers(), "NOTE-0004");
    expect(await alexRequestsFor("NOTE-0003")).toHaveLength(1);
    expect(await alexRequestsFor("NOTE-0004")).toHaveLength(1);
  });

  it("starts a new request once the last one has been read", async () => {
    await recordThroughWizard(SAM, consentGivenShareAnswers(), "NOTE-0005");
    await markAllNotificationsRead(await actorFor(ALEX));
    const after = await recordThroughWizard(SAM, consentGivenShareAnswers(), "NOTE-0005");
    const requests = await alexRequestsFor("NOTE-0005");
    expect(requests.map((n) => [n.read, n.decisionCount])).toEqual([
      [false, 1],
      [true, 1],
    ]);
    expect(requests[0]!.decisionReference).toBe(after);
  });

  it("makes one request of two decisions for a case recorded at the same moment", async () => {
    const drafts = [await newDraft(SAM), await newDraft(SAM)];
    for (const draftId of drafts) await answerAll(SAM, draftId, consentGivenShareAnswers(), "NOTE-0006");
    const sam = await actorFor(SAM);
    const results = await Promise.all(drafts.map((draftId) => recordDecision(sam, draftId, TEST_META)));
    expect(results.every((r) => r.ok)).toBe(true);
    const requests = await alexRequestsFor("NOTE-0006");
    expect(requests).toHaveLength(1);
    expect(requests[0]!.decisionCount).toBe(2);
  });

  it("still emails once per decision (the email channel is not grouped)", async () => {
    const one = await recordThroughWizard(SAM, consentGivenShareAnswers(), "NOTE-0007");
    const two = await recordThroughWizard(SAM, consentGivenShareAnswers(), "NOTE-0007");
    for (const reference of [one, two])
      expect(await db().emailOutbox.count({ where: { linkPath: `/review/${reference}` } })).toBe(1);
  });
});
