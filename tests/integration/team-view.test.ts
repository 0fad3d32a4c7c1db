import { beforeAll, describe, expect, it } from "vitest";
import { addUkDays, ukDate } from "@/domain/calendar";
import { TEAM_VIEW_PAGE_SIZE, TEAM_VIEW_STATUSES } from "@/domain/review/team-view";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { listTeamDecisions } from "@/server/reviews/list-team-decisions";
import { reviewDecision } from "@/server/reviews/review-decision";
import { replyToReview } from "@/server/reviews/reply-to-review";
import { db } from "@/server/infra/db";
import { CHALLENGE, TEST_META, actorFor, recordThroughWizard } from "./support";
import { SAM, ALEX, KIM, PRIYA, noShareAnswers, sharedOverRefusalWithChildAtRisk } from "./review-fixtures";

async function teamView(email: string, filter: Record<string, string> = {}) {
  const result = await listTeamDecisions(await actorFor(email), filter, TEST_META);
  if (!result.ok) throw new Error(`team view refused: ${result.error}`);
  return result.view;
}

/** Every page of the team view for this filter, following the cursors. */
async function allPages(email: string, filter: Record<string, string> = {}) {
  const pages = [];
  let after: string | null = null;
  do {
    const view = await teamView(email, after ? { ...filter, after } : filter);
    pages.push(view);
    after = view.nextCursor;
  } while (after && pages.length < 100);
  return pages;
}

describe("the supervisor's team view (issue 13)", () => {
  let awaiting: string, endorsed: string, challenged: string, replied: string, urgent: string, routine: string;

  beforeAll(async () => {
    awaiting = await recordThroughWizard(SAM, consentGivenShareAnswers(), "TEAM-0001");
    endorsed = await recordThroughWizard(SAM, consentGivenShareAnswers(), "TEAM-0001");
    challenged = await recordThroughWizard(SAM, consentGivenShareAnswers(), "TEAM-0002");
    replied = await recordThroughWizard(SAM, consentGivenShareAnswers(), "TEAM-0002");
    routine = await recordThroughWizard(SAM, noShareAnswers(), "TEAM-0003");
    urgent = await recordThroughWizard(SAM, sharedOverRefusalWithChildAtRisk(), "TEAM-0003");
    const alex = await actorFor(ALEX);
    expect(await reviewDecision(alex, endorsed, { kind: "ENDORSEMENT" }, TEST_META)).toMatchObject({ ok: true });
    expect(await reviewDecision(alex, challenged, CHALLENGE, TEST_META)).toMatchObject({ ok: true });
    expect(await reviewDecision(alex, replied, CHALLENGE, TEST_META)).toMatchObject({ ok: true });
    const reply = { comment: "I weighed the risk with the DSL before sharing." };
    expect(await replyToReview(await actorFor(SAM), replied, reply, TEST_META)).toMatchObject({ ok: true });
  });

  it("lists every decision of the team, reviewed or not, newest first, with its case and flag reasons", async () => {
    const view = await teamView(ALEX);
    const references = view.rows.map((r) => r.reference);
    // Newest first: the six were recorded in this order.
    expect(references.slice(0, 6)).toEqual([urgent, routine, replied, challenged, endorsed, awaiting]);
    const byReference = new Map(view.rows.map((r) => [r.reference, r]));
    expect(byReference.get(endorsed)).toMatchObject({ caseReference: "TEAM-0001", reviewStatus: "ENDORSED" });
    expect(byReference.get(awaiting)?.reviewStatus).toBe("AWAITING_REVIEW");
    expect(byReference.get(challenged)?.reviewStatus).toBe("CHALLENGED_NEEDS_ACTION");
    expect(byReference.get(replied)?.reviewStatus).toBe("CHALLENGED_REPLIED");
    expect(byReference.get(urgent)).toMatchObject({ severity: "URGENT", reasons: ["Shared without consent"] });
    expect(byReference.get(routine)).toMatchObject({ severity: "ROUTINE", reasons: ["Not shared"] });
    expect(byReference.get(awaiting)).toMatchObject({ severity: null, reasons: [], flags: [] });
  });

  it("shows only the supervisor's own team", async () => {
    const kim = await actorFor(KIM);
    const kimReferences = (await allPages(KIM)).flatMap((p) => p.rows.map((r) => r.reference));
    expect(kimReferences).not.toContain(awaiting);
    const teams = await db().decision.findMany({
      where: { reference: { in: kimReferences } },
      select: { teamId: true },
    });
    expect(teams.every((d) => d.teamId === kim.teamId)).toBe(true);
  });

  it("filters by review status, agreeing with the status each row shows", async () => {
    for (const status of TEAM_VIEW_STATUSES) {
      const rows = (await allPages(ALEX, { status })).flatMap((p) => p.rows);
      for (const row of rows) expect(row.reviewStatus).toBe(status);
      const references = rows.map((r) => r.reference);
      if (status === "ENDORSED") expect(references).toContain(endorsed);
      if (status === "AWAITING_REVIEW") expect(references).toEqual(expect.arrayContaining([awaiting, urgent]));
      if (status === "CHALLENGED_NEEDS_ACTION") expect(references).toContain(challenged);
      if (status === "CHALLENGED_REPLIED") expect(references).toEqual([replied]);
    }
  });

  it("filters by flags: any flag, urgent only, or none", async () => {
    const flagged = (await allPages(ALEX, { flagged: "flagged" })).flatMap((p) => p.rows);
    expect(flagged.every((r) => r.flags.length > 0)).toBe(true);
    expect(flagged.map((r) => r.reference)).toEqual(expect.arrayContaining([urgent, routine]));
    const urgentOnly = (await allPages(ALEX, { flagged: "urgent" })).flatMap((p) => p.rows);
    expect(urgentOnly.map((r) => r.reference)).toContain(urgent);
    expect(urgentOnly.every((r) => r.severity === "URGENT")).toBe(true);
    const none = (await allPages(ALEX, { flagged: "none" })).flatMap((p) => p.rows);
    expect(none.every((r) => r.flags.length === 0)).toBe(true);
    expect(none.map((r) => r.reference)).toContain(awaiting);
  });

  it("filters by UK calendar day", async () => {
    const today = ukDate(new Date());
    const recordedToday = (await allPages(ALEX, { from: today, to: today })).flatMap((p) => p.rows);
    expect(recordedToday.map((r) => r.reference)).toEqual(expect.arrayContaining([awaiting, urgent]));
    const tomorrow = addUkDays(today, 1);
    expect((await teamView(ALEX, { from: tomorrow })).rows).toEqual([]);
    const upToYesterday = (await allPages(ALEX, { to: addUkDays(today, -1) })).flatMap((p) => p.rows);
    expect(upToYesterday.map((r) => r.reference)).not.toContain(awaiting);
  });

  it("says when a filter is not valid and applies none", async () => {
    const view = await teamView(ALEX, { from: "2026-04-02", to: "2026-04-01" });
    expect(view.filterError).toMatch(/start date must be on or before the end date/);
    expect(view.filter).toEqual({});
    expect(view.rows.length).toBeGreaterThan(0);
  });

  it("pages by keyset through every team decision once, newest first", async () => {
    const alex = await actorFor(ALEX);
    // Enough for more than one page, counting what the team already has (each costs a whole recording).
    const teamDecisions = { teamId: alex.teamId, organisationId: alex.organisationId };
    for (let i = await db().decision.count({ where: teamDecisions }); i <= TEAM_VIEW_PAGE_SIZE; i++)
      await recordThroughWizard(SAM, consentGivenShareAnswers(), "TEAM-PAGE");
    const pages = await allPages(ALEX);
    expect(pages.length).toBeGreaterThan(1);
    const rows = pages.flatMap((p) => p.rows);
    const inTeam = await db().decision.count({ where: teamDecisions });
    expect(rows).toHaveLength(inTeam);
    expect(new Set(rows.map((r) => r.decisionId)).size).toBe(inTeam);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.recordedAt >= rows[i]!.recordedAt).toBe(true);
  });

  it("is audited as a list view naming the references shown", async () => {
    const alex = await actorFor(ALEX);
    const view = await teamView(ALEX, { status: "ENDORSED" });
    const event = await db().auditEvent.findFirst({
      where: { actorId: alex.userId, action: "review.team-view" },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ objectType: "team", objectId: alex.teamId, outcome: "SUCCESS" });
    expect(event?.detail).toMatchObject({
      filter: { status: "ENDORSED", flagged: null, from: null, to: null },
      decisions: view.rows.length,
      references: view.rows.map((r) => r.reference),
    });
  });

  it("is the supervisor's only: a practitioner or IG lead is refused, and the refusal is audited", async () => {
    for (const email of [SAM, PRIYA]) {
      const actor = await actorFor(email);
      expect(await listTeamDecisions(actor, {}, TEST_META)).toMatchObject({ ok: false, error: "forbidden" });
      const refusal = await db().auditEvent.findFirst({
        where: { actorId: actor.userId, action: "access.denied" },
        orderBy: { id: "desc" },
      });
      expect(refusal?.detail).toMatchObject({ attempted: "review.team-view" });
    }
  });
});
