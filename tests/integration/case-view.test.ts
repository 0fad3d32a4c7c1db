// The case page (issue 13): everything the organisation holds about one case reference, read by
// the case's teams, their supervisors and the IG lead; anyone else in the organisation learns only
// that records exist and which team to ask; every look is one audit event.
import { beforeAll, describe, expect, it } from "vitest";
import { consentGivenShareAnswers } from "@/domain/wizard/test-fixtures";
import { viewCase } from "@/server/cases/view-case";
import { db } from "@/server/infra/db";
import { TEST_META, actorFor, recordThroughWizard } from "./support";
import { SAM, JO, ALEX, LEE, KIM, PRIYA, NORTHSHIRE_ADMIN as ADMIN, TOM } from "./demo-people";

const CASE = "CASE-7001";
let samsReference = "";
let leesReference = "";

beforeAll(async () => {
  samsReference = await recordThroughWizard(SAM, consentGivenShareAnswers(), CASE);
  leesReference = await recordThroughWizard(LEE, consentGivenShareAnswers(), CASE);
  await recordThroughWizard(SAM, consentGivenShareAnswers(), "CASE-OTHER");
});

async function caseViewEvents(email: string) {
  const actor = await actorFor(email);
  return db().auditEvent.findMany({ where: { actorId: actor.userId, action: "case.view" }, orderBy: { id: "asc" } });
}

describe("viewCase", () => {
  it("gives the case's team every decision in the case, newest first, whoever wrote it", async () => {
    const result = await viewCase(await actorFor(JO), CASE, TEST_META);
    if (!result.ok || result.view.access !== "read") throw new Error(JSON.stringify(result));
    const decisions = result.view.events.filter((e) => e.kind === "decision");
    expect(decisions.map((d) => d.reference)).toEqual([leesReference, samsReference]);
    expect(result.view.teamNames).toEqual(["Assessment Team North", "Assessment Team South"]);
    // The case page shows the chronology; the full record still follows the record's own policy.
    expect(decisions.map((d) => d.kind === "decision" && d.canOpen)).toEqual([false, false]);
  });

  it("lets the supervisors of each team in the case and the IG lead read it", async () => {
    for (const email of [ALEX, KIM, PRIYA, LEE]) {
      const result = await viewCase(await actorFor(email), CASE, TEST_META);
      expect(result.ok && result.view.access).toBe("read");
    }
  });

  it("matches the case reference whatever its letter case", async () => {
    const result = await viewCase(await actorFor(SAM), CASE.toLowerCase(), TEST_META);
    expect(result.ok && result.view.caseReference).toBe(CASE);
  });

  it("tells someone outside the case's teams only that records exist and which teams hold them", async () => {
    const result = await viewCase(await actorFor(LEE), "CASE-OTHER", TEST_META);
    expect(result).toEqual({
      ok: true,
      view: { access: "existence", caseReference: "CASE-OTHER", recordCount: 1, teamNames: ["Assessment Team North"] },
    });
    const admin = await viewCase(await actorFor(ADMIN), CASE, TEST_META);
    expect(admin.ok && admin.view.access).toBe("existence");
  });

  it("finds nothing for another organisation, and says so without revealing the case", async () => {
    const result = await viewCase(await actorFor(TOM), CASE, TEST_META);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe("not-found");
  });

  it("audits every look once, with what the reader was allowed to learn", async () => {
    const before = (await caseViewEvents(KIM)).length;
    await viewCase(await actorFor(KIM), CASE, TEST_META);
    await viewCase(await actorFor(KIM), "CASE-OTHER", TEST_META);
    await viewCase(await actorFor(KIM), "CASE-NOBODY", TEST_META);
    const events = (await caseViewEvents(KIM)).slice(before);
    expect(events.map((e) => [e.caseReference, e.detail])).toEqual([
      [CASE, { access: "read", records: 2 }],
      ["CASE-OTHER", { access: "existence", records: 1 }],
      ["CASE-NOBODY", { access: "none", records: 0 }],
    ]);
  });
});
