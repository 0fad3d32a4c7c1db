// Every day boundary in a query comes from the UK calendar (decision 013): a decision recorded at
// 00:30 BST on 1 July (23:30 UTC on 30 June) is on 1 July for the review queue's date filter and
// for the audit export's, as it is for the audit search. Before, the queue compared UTC dates.
import { describe, expect, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { auditEventsExportQuery } from "@/server/exports/export-audit-events";
import { listReviewQueue } from "@/server/reviews/list-review-queue";
import { db } from "@/server/infra/db";
import { actorFor, recordThroughWizard, withSuperuser } from "./support";
import { SAM, ALEX } from "./demo-people";

const JUST_AFTER_UK_MIDNIGHT = "2026-06-30T23:30:00.000Z"; // 00:30 BST, 1 July 2026

describe("UK days in queries", () => {
  it("the review queue's date filter counts a decision in the UK day it was recorded on", async () => {
    const reference = await recordThroughWizard(SAM, consentGivenShareAnswers(), "UK-DAY-0001");
    const decision = await db().decision.findUniqueOrThrow({ where: { reference } });
    await withSuperuser((client) =>
      client.query("UPDATE review_queue_item SET recorded_at = $1 WHERE decision_id = $2", [
        JUST_AFTER_UK_MIDNIGHT,
        decision.id,
      ]),
    );
    const alex = await actorFor(ALEX);
    const references = async (filter: object) => (await listReviewQueue(alex, filter)).rows.map((row) => row.reference);
    expect(await references({ from: "2026-07-01", to: "2026-07-01" })).toContain(reference);
    expect(await references({ from: "2026-06-30", to: "2026-06-30" })).not.toContain(reference);
  });

  it("the audit export's date filter takes the UK day's bounds", async () => {
    const sam = await actorFor(SAM);
    const query = auditEventsExportQuery(sam.organisationId, { from: "2026-07-01", to: "2026-07-01" });
    expect(query.values).toEqual(expect.arrayContaining(["2026-06-30T23:00:00.000Z", "2026-07-01T23:00:00.000Z"]));
  });
});
