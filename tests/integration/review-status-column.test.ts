// The decision's review status kept as a column (decision.review_status) so the team view's status
// filter is served by an index: after every kind of review, and after a follow-up, the column must
// equal what the domain's reviewStatus() says, which stays the rule.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ReviewStatus, reviewStatus } from "@/domain/review";
import { VALID, consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { recordDecision } from "@/server/decisions/record-decision";
import { saveDraftAnswer } from "@/server/decisions/save-draft-answer";
import { startDraft } from "@/server/decisions/start-draft";
import { db } from "@/server/infra/db";
import { replyToReview } from "@/server/reviews/reply-to-review";
import { reviewDecision } from "@/server/reviews/review-decision";
import { CHALLENGE, TEST_META, actorFor, recordThroughWizard, withSuperuser } from "./support";
import { ALEX, SAM } from "./review-fixtures";

/** The column, and the status the domain gives from the decision's reviews and follow-ups. */
async function statuses(reference: string): Promise<{ column: string; domain: ReviewStatus }> {
  const decision = await db().decision.findUniqueOrThrow({
    where: { reference },
    select: { id: true, reviews: { select: { kind: true, createdAt: true } } },
  });
  const followUps = await db().decision.count({ where: { supersedesId: decision.id } });
  const reviews = decision.reviews.map((r) => ({ kind: r.kind, createdAt: r.createdAt.toISOString() }));
  const { rows } = await withSuperuser((client) =>
    client.query<{ review_status: string }>("SELECT review_status::text FROM decision WHERE reference = $1", [
      reference,
    ]),
  );
  return { column: rows[0]!.review_status, domain: reviewStatus(reviews, followUps > 0) };
}

async function expectColumnAsDomain(reference: string, expected: ReviewStatus): Promise<void> {
  const { column, domain } = await statuses(reference);
  expect(domain).toBe(expected);
  expect(column).toBe(domain);
}

const REPLY = { comment: "I weighed the risk with the DSL before sharing." };
const NOTE = { kind: "NOTE", comment: "Seen: no action." };
const ENDORSEMENT = { kind: "ENDORSEMENT" };

/**
 * Each step in turn on the decision (Alex's review as posted, or Sam's reply), each accepted, then the
 * status it must leave in the column and in the domain alike.
 */
async function expectStatusesAfter(
  reference: string,
  steps: [step: Record<string, string> | "reply", status: ReviewStatus][],
): Promise<void> {
  for (const [step, status] of steps) {
    const done =
      step === "reply"
        ? await replyToReview(await actorFor(SAM), reference, REPLY, TEST_META)
        : await reviewDecision(await actorFor(ALEX), reference, step, TEST_META);
    expect(done).toMatchObject({ ok: true });
    await expectColumnAsDomain(reference, status);
  }
}

describe("decision.review_status follows the domain's reviewStatus() (issue 13)", () => {
  it("is awaiting review when recorded", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "STATUS-0001");
    await expectColumnAsDomain(reference, "AWAITING_REVIEW");
  });

  it("stays awaiting review after a note, then is endorsed after an endorsement", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "STATUS-0002");
    await expectStatusesAfter(reference, [
      [NOTE, "AWAITING_REVIEW"],
      [ENDORSEMENT, "ENDORSED"],
    ]);
  });

  it("needs action after a challenge, replied after a reply, needs action after a new challenge", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "STATUS-0003");
    await expectStatusesAfter(reference, [
      [CHALLENGE, "CHALLENGED_NEEDS_ACTION"],
      ["reply", "CHALLENGED_REPLIED"],
      [CHALLENGE, "CHALLENGED_NEEDS_ACTION"],
      [ENDORSEMENT, "ENDORSED"],
    ]);
  });

  it("is reconsidered once a follow-up is recorded, whatever its reviews; the follow-up awaits review", async () => {
    const original = await recordThroughWizard(SAM, consentGivenShareAnswers(), "STATUS-0004");
    const alex = await actorFor(ALEX);
    expect(await reviewDecision(alex, original, CHALLENGE, TEST_META)).toMatchObject({ ok: true });
    const sam = await actorFor(SAM);
    const follow = await startDraft(sam, { kind: "RECONSIDERATION", supersedesReference: original }, TEST_META);
    if (!follow.ok) throw new Error(JSON.stringify(follow.errors));
    const decision = { ...VALID.decision, rationale: "The school's new report changes nothing: still shared in full." };
    expect(await saveDraftAnswer(sam, follow.draftId, "decision", decision, TEST_META)).toMatchObject({ ok: true });
    const reconsidered = await recordDecision(sam, follow.draftId, TEST_META);
    if (!reconsidered.ok) throw new Error(JSON.stringify(reconsidered.errors));
    await expectColumnAsDomain(original, "RECONSIDERED");
    await expectColumnAsDomain(reconsidered.reference, "AWAITING_REVIEW");
    // A reply to the old challenge does not undo the follow-up.
    expect(await replyToReview(sam, original, REPLY, TEST_META)).toMatchObject({ ok: true });
    await expectColumnAsDomain(original, "RECONSIDERED");
  });

  it("is backfilled by its migration for decisions reviewed or followed up before it", async () => {
    const endorsed = await recordThroughWizard(SAM, consentGivenShareAnswers(), "STATUS-0006");
    const replied = await recordThroughWizard(SAM, consentGivenShareAnswers(), "STATUS-0007");
    const alex = await actorFor(ALEX);
    expect(await reviewDecision(alex, endorsed, ENDORSEMENT, TEST_META)).toMatchObject({ ok: true });
    expect(await reviewDecision(alex, replied, CHALLENGE, TEST_META)).toMatchObject({ ok: true });
    expect(await replyToReview(await actorFor(SAM), replied, REPLY, TEST_META)).toMatchObject({ ok: true });
    // As if recorded and reviewed before the column: every decision at its default.
    const migration = readFileSync(
      join(process.cwd(), "prisma", "migrations", "20261130090426_decision_review_status", "migration.sql"),
      "utf8",
    );
    const backfill = migration.slice(migration.indexOf("-- Backfill"));
    await withSuperuser(async (client) => {
      await client.query("UPDATE decision SET review_status = 'AWAITING_REVIEW'");
      await client.query(backfill);
    });
    await expectColumnAsDomain(endorsed, "ENDORSED");
    await expectColumnAsDomain(replied, "CHALLENGED_REPLIED");
  });

  it("is still refused to the app's role, and the rest of the record still cannot change", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "STATUS-0005");
    await expect(
      db().$executeRaw`UPDATE decision SET review_status = 'ENDORSED' WHERE reference = ${reference}`,
    ).rejects.toThrow(/permission denied/);
    await expect(
      withSuperuser((client) =>
        client.query("UPDATE decision SET review_status = 'ENDORSED', outcome = 'NO_SHARE' WHERE reference = $1", [
          reference,
        ]),
      ),
    ).rejects.toThrow(/append-only/);
  });
});
