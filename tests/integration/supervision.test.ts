import { addUkCalendarDays } from "@/domain/calendar";
import { describe, expect, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { reviewDecision } from "@/server/reviews/review-decision";
import { replyToReview } from "@/server/reviews/reply-to-review";
import { listReviewQueue } from "@/server/reviews/list-review-queue";
import { listDecisionReviews } from "@/server/reviews/list-decision-reviews";
import { raiseEscalation } from "@/server/escalations/raise-escalation";
import { resolveEscalation } from "@/server/escalations/resolve-escalation";
import { listEscalations } from "@/server/escalations/list-escalations";
import { listNotifications } from "@/server/notifications/list-notifications";
import { viewDecision } from "@/server/decisions/view-decision";
import { db } from "@/server/infra/db";
import { CHALLENGE, TEST_META, actorFor, recordThroughWizard } from "./support";
import { SAM, ALEX, KIM, RUTH, PRIYA, noShareAnswers, sharedOverRefusalWithChildAtRisk } from "./review-fixtures";

describe("the review queue", () => {
  it("receives a recorded decision, puts urgent ones first and notifies the team's supervisor", async () => {
    const plain = await recordThroughWizard(SAM, consentGivenShareAnswers(), "SUP-0001");
    const routineFlag = await recordThroughWizard(SAM, noShareAnswers(), "SUP-0002");
    const urgent = await recordThroughWizard(SAM, sharedOverRefusalWithChildAtRisk(), "SUP-0002");
    const queue = await listReviewQueue(await actorFor(ALEX), {});
    const references = queue.rows.map((r) => r.reference);
    expect(references).toContain(plain);
    expect(references.indexOf(urgent)).toBeLessThan(references.indexOf(plain));
    // Decision 027: a no-share with no child at risk of significant harm is flagged but routine, so it
    // keeps its place by age (after the earlier plain one) and is due in the normal period.
    expect(references.indexOf(routineFlag)).toBeGreaterThan(references.indexOf(plain));
    const routineRow = queue.rows.find((r) => r.reference === routineFlag)!;
    expect(routineRow.flags).toContain("NO_SHARE");
    expect(routineRow.urgent).toBe(false);
    expect(routineRow.reasons).toEqual(["Not shared"]);
    const urgentRow = queue.rows.find((r) => r.reference === urgent)!;
    expect(urgentRow.flags).toEqual(["SHARED_WITHOUT_CONSENT"]);
    expect(urgentRow.urgent).toBe(true);
    expect(urgentRow.reasons).toEqual(["Shared without consent"]);
    const dueInDays = (row: { recordedAt: string; reviewDueAt: string }) =>
      Math.round((Date.parse(row.reviewDueAt) - Date.parse(row.recordedAt)) / 86_400_000);
    expect(dueInDays(urgentRow)).toBe(2);
    expect(dueInDays(routineRow)).toBe(28);
    const alexNotes = await listNotifications(await actorFor(ALEX));
    expect(alexNotes.some((n) => n.kind === "REVIEW_REQUESTED" && n.decisionReference === urgent)).toBe(true);
  });

  it("groups a case's decisions together, newest first, with the case's count in the queue (issue 13)", async () => {
    const older = await recordThroughWizard(SAM, consentGivenShareAnswers(), "GRP-0001");
    await recordThroughWizard(SAM, consentGivenShareAnswers(), "GRP-0002");
    const newer = await recordThroughWizard(SAM, consentGivenShareAnswers(), "GRP-0001");
    const queue = await listReviewQueue(await actorFor(ALEX), {});
    const group = queue.groups.find((g) => g.caseReference === "GRP-0001")!;
    expect(group.rows.map((r) => r.reference)).toEqual([newer, older]);
    expect(group.waitingInQueue).toBe(2);
    expect(queue.groups.filter((g) => g.caseReference === "GRP-0001")).toHaveLength(1);
    // Every row of the page is in exactly one group.
    expect(queue.groups.flatMap((g) => g.rows).length).toBe(queue.rows.length);
  });

  it("shows another team's supervisor nothing of it, and another organisation's supervisor neither", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "SUP-0003");
    expect((await listReviewQueue(await actorFor(KIM), {})).rows.map((r) => r.reference)).not.toContain(reference);
    expect((await listReviewQueue(await actorFor(RUTH), {})).rows.map((r) => r.reference)).not.toContain(reference);
    expect(
      await viewDecision(await actorFor(KIM), reference, TEST_META, { action: "decision.view", channel: "page" }),
    ).toMatchObject({ ok: false, error: "forbidden" });
    expect(
      await viewDecision(await actorFor(RUTH), reference, TEST_META, { action: "decision.export", channel: "json" }),
    ).toMatchObject({ ok: false, error: "not-found" });
    expect(await reviewDecision(await actorFor(KIM), reference, { kind: "ENDORSEMENT" }, TEST_META)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await reviewDecision(await actorFor(RUTH), reference, { kind: "ENDORSEMENT" }, TEST_META)).toMatchObject({
      ok: false,
      error: "not-found",
    });
    expect(await reviewDecision(await actorFor(SAM), reference, { kind: "ENDORSEMENT" }, TEST_META)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await db().review.count({ where: { decision: { reference } } })).toBe(0);
  });
});

describe("reviewing", () => {
  it("challenge → reply → endorse, each a new record, the decision unchanged", async () => {
    const reference = await recordThroughWizard(SAM, noShareAnswers(), "SUP-0004");
    const before = await db().decision.findUniqueOrThrow({ where: { reference } });

    expect(
      await reviewDecision(
        await actorFor(ALEX),
        reference,
        { kind: "CHALLENGE", comment: "", actionRequired: "" },
        TEST_META,
      ),
    ).toMatchObject({
      ok: false,
      error: "invalid",
      errors: [{ field: "comment" }, { field: "actionRequired" }],
    });
    expect(await reviewDecision(await actorFor(ALEX), reference, CHALLENGE, TEST_META)).toEqual({
      ok: true,
      kind: "CHALLENGE",
    });
    expect((await listReviewQueue(await actorFor(ALEX), {})).rows.map((r) => r.reference)).not.toContain(reference);
    expect(
      (await listNotifications(await actorFor(SAM))).some(
        (n) => n.kind === "DECISION_CHALLENGED" && n.decisionReference === reference,
      ),
    ).toBe(true);
    expect((await listDecisionReviews(before.id, false)).status).toBe("CHALLENGED_NEEDS_ACTION");

    expect(
      await replyToReview(
        await actorFor(SAM),
        reference,
        { comment: "The requester already has this from the school directly." },
        TEST_META,
      ),
    ).toEqual({ ok: true });
    const notTheirs = { comment: "Trying to reply to someone else's decision." };
    expect(await replyToReview(await actorFor(ALEX), reference, notTheirs, TEST_META)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect((await listDecisionReviews(before.id, false)).status).toBe("CHALLENGED_REPLIED");
    expect(
      (await listNotifications(await actorFor(ALEX))).some(
        (n) => n.kind === "REPLY_RECEIVED" && n.decisionReference === reference,
      ),
    ).toBe(true);

    expect(await reviewDecision(await actorFor(ALEX), reference, { kind: "ENDORSEMENT" }, TEST_META)).toEqual({
      ok: true,
      kind: "ENDORSEMENT",
    });
    const reviews = await listDecisionReviews(before.id, false);
    expect(reviews.entries.map((e) => e.kind)).toEqual(["CHALLENGE", "REPLY", "ENDORSEMENT"]);
    expect(reviews.status).toBe("ENDORSED");
    // Only the status kept for the team view's filter moves (decision 027); the record is as recorded.
    expect(await db().decision.findUniqueOrThrow({ where: { reference } })).toEqual({
      ...before,
      reviewStatus: "ENDORSED",
    });
    const audited = await db().auditEvent.findMany({
      where: { objectId: reference, action: { in: ["decision.review", "decision.reply"] } },
    });
    expect(audited).toHaveLength(3);
  });

  it("keeps a decision in the queue after a note", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "SUP-0005");
    expect(
      await reviewDecision(
        await actorFor(ALEX),
        reference,
        { kind: "NOTE", comment: "Checked the lawful basis with IG." },
        TEST_META,
      ),
    ).toMatchObject({ ok: true });
    expect((await listReviewQueue(await actorFor(ALEX), {})).rows.map((r) => r.reference)).toContain(reference);
  });
});

describe("escalation", () => {
  it("is raised once, seen by the supervisor and IG lead, and resolved with an outcome", async () => {
    const reference = await recordThroughWizard(SAM, noShareAnswers(), "SUP-0006");
    const raised = await raiseEscalation(
      await actorFor(SAM),
      reference,
      { reason: "The police disagree with the refusal and want the records." },
      TEST_META,
    );
    expect(raised.ok).toBe(true);
    if (!raised.ok) return;
    const again = { reason: "Raising the same dispute a second time here." };
    expect(await raiseEscalation(await actorFor(ALEX), reference, again, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });

    expect((await listEscalations(await actorFor(ALEX))).map((e) => e.id)).toContain(raised.escalationId);
    expect((await listEscalations(await actorFor(PRIYA))).map((e) => e.id)).toContain(raised.escalationId);
    expect((await listEscalations(await actorFor(KIM))).map((e) => e.id)).not.toContain(raised.escalationId);
    for (const email of [ALEX, PRIYA])
      expect(
        (await listNotifications(await actorFor(email))).some(
          (n) => n.kind === "ESCALATION_RAISED" && n.decisionReference === reference,
        ),
      ).toBe(true);

    const resolution = {
      escalationId: raised.escalationId,
      resolution: "Agreed at strategy meeting to share attendance only.",
    };
    expect(await resolveEscalation(await actorFor(SAM), resolution, TEST_META)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await resolveEscalation(await actorFor(KIM), resolution, TEST_META)).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await resolveEscalation(await actorFor(RUTH), resolution, TEST_META)).toMatchObject({
      ok: false,
      error: "not-found",
    });
    expect(await resolveEscalation(await actorFor(PRIYA), resolution, TEST_META)).toEqual({ ok: true });
    expect(await resolveEscalation(await actorFor(ALEX), resolution, TEST_META)).toMatchObject({
      ok: false,
      error: "conflict",
    });

    const row = await db().escalation.findUniqueOrThrow({ where: { id: raised.escalationId } });
    expect(row).toMatchObject({ status: "RESOLVED", resolution: resolution.resolution });
    const audited = await db().auditEvent.findMany({
      where: { objectId: reference, action: { startsWith: "escalation." } },
    });
    expect(audited.map((a) => a.action).sort()).toEqual(["escalation.raise", "escalation.resolve"]);
  });
});

describe("organisation settings", () => {
  it("sets review-by dates for decisions recorded afterwards, and is audited", async () => {
    const { updateOrganisationSettings } = await import("@/server/update-organisation-settings");
    const riverside = { ...consentGivenShareAnswers() };
    const ig = await actorFor("dan.hughes@riverside.example");
    expect(
      await updateOrganisationSettings(
        ig,
        {
          reviewWithinDaysEmergency: "0",
          reviewWithinDaysFlagged: "x",
          reviewWithinDaysRoutine: "7",
          retentionYears: "6",
        },
        TEST_META,
      ),
    ).toMatchObject({
      ok: false,
      error: "invalid",
      errors: [{ field: "reviewWithinDaysEmergency" }, { field: "reviewWithinDaysFlagged" }],
    });
    expect(
      await updateOrganisationSettings(
        ig,
        {
          reviewWithinDaysEmergency: "1",
          reviewWithinDaysFlagged: "3",
          reviewWithinDaysRoutine: "10",
          retentionYears: "8",
        },
        TEST_META,
      ),
    ).toEqual({ ok: true });

    const reference = await recordThroughWizard("tom.baker@riverside.example", riverside, "SET-0001");
    const row = await db().decision.findUniqueOrThrow({ where: { reference } });
    // Ten UK calendar days on, at the same UK time (decision 013).
    expect(row.reviewDueAt).toEqual(addUkCalendarDays(row.recordedAt, 10));
    // Retention of new records comes from the IG lead's rule for the record type (decision 024), not
    // from this flat setting, which older records were given: a share is kept six years by default.
    expect(row.retainUntil.getUTCFullYear() - row.recordedAt.getUTCFullYear()).toBe(6);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "settings.change", actorId: ig.userId } });
    expect(event.detail).toMatchObject({ after: { routine: 10, retentionYears: 8 } });
  });
});
