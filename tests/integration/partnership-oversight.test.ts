// The partnership's oversight (decision 030) on a real PostgreSQL: each agency's requests by priority
// against the response times, those overdue, refusals and escalations; for the lead partners and the
// members' IG leads only (another partnership's IG lead asking is refused and audited); the CSV export
// is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/infra/db";
import { disputeRefusal } from "@/server/requests/dispute-refusal";
import { exportPartnershipOversight } from "@/server/requests/export-partnership-oversight";
import { partnershipOversight } from "@/server/requests/partnership-oversight";
import {
  NURSE,
  TEACHER,
  addOtherPartnership,
  answerAs,
  organisationId,
  requestFields,
  sendAs,
  postAs,
} from "./request-fixtures";
import { TEST_META, actorFor } from "./support";
import { GRACE as TRUST_IG, RACHEL as DIRECTOR, NORTHSHIRE_ADMIN as COUNCIL_ADMIN } from "./demo-people";

const EASTSHIRE_IG = "ig@eastshire-oversight.example";
const DAY = 86_400_000;

let northshireId: string;

async function send(organisation: string, priority: string, at: Date): Promise<string> {
  const fields = requestFields(await organisationId(organisation), {
    priority,
    caseReference: "RPS-OVERSIGHT",
    childName: "Casey Oversight-Test",
  });
  return (await sendAs(fields, at)).reference;
}

beforeAll(async () => {
  northshireId = (
    await db().partnership.findUniqueOrThrow({ where: { name: "Northshire Safeguarding Children Partnership" } })
  ).id;
  const weeksAgo = new Date(Date.now() - 20 * DAY);
  // Red to the trust three weeks ago, refused today: late. Amber today, shared at once: in time.
  const late = await send("Northshire Health NHS Foundation Trust", "RED", weeksAgo);
  const refused = await answerAs(NURSE, late, { reasons: "Held by another trust; ask them." });
  const inTime = await send("Northshire Health NHS Foundation Trust", "AMBER", new Date());
  const shared = await answerAs(NURSE, inTime, { information: "One attendance in October." });
  // Green to the police three weeks ago, never answered: overdue.
  await send("Northshire Police", "GREEN", weeksAgo);
  if (!refused.ok || !shared.ok) throw new Error("answering failed");
  const disputed = await postAs(disputeRefusal, TEACHER, late, { reasons: "The child named the trust's clinic." });
  if (!disputed.ok) throw new Error(JSON.stringify(disputed.errors));
  // Another partnership, with an IG lead of its own.
  await addOtherPartnership({
    organisation: "Eastshire Oversight Council",
    partnership: "Eastshire Oversight Partnership",
    person: { email: EASTSHIRE_IG, name: "Ida Eastshire", role: "IG_LEAD" },
  });
});

describe("partnership oversight", () => {
  it("gives a member's IG lead each agency's figures by priority against the response times", async () => {
    const result = await partnershipOversight(await actorFor(TRUST_IG), {}, TEST_META);
    if (!result.ok || !result.oversight) throw new Error("no oversight");
    const o = result.oversight;
    expect(o.partnership.name).toBe("Northshire Safeguarding Children Partnership");
    expect(o.period).toBe(90);
    expect(o.byAgency.map(({ medianHoursToAnswer: _median, ...figures }) => figures)).toEqual([
      {
        organisation: "Northshire Health NHS Foundation Trust",
        priority: "RED",
        targetHours: 4,
        received: 1,
        answered: 1,
        answeredOnTime: 0,
        open: 0,
        openOverdue: 0,
        refused: 1,
      },
      {
        organisation: "Northshire Health NHS Foundation Trust",
        priority: "AMBER",
        targetHours: 24,
        received: 1,
        answered: 1,
        answeredOnTime: 1,
        open: 0,
        openOverdue: 0,
        refused: 0,
      },
      {
        organisation: "Northshire Police",
        priority: "GREEN",
        targetHours: 72,
        received: 1,
        answered: 0,
        answeredOnTime: 0,
        open: 1,
        openOverdue: 1,
        refused: 0,
      },
    ]);
    // Three weeks to answer the Red one; the Amber one at once; none for the police.
    expect(o.byAgency[0]!.medianHoursToAnswer).toBeGreaterThan(20 * 24 - 1);
    expect(o.byAgency[1]!.medianHoursToAnswer).toBeLessThan(1);
    expect(o.byAgency[2]!.medianHoursToAnswer).toBeNull();
    expect(o.overdue.map((r) => [r.respondingOrganisation, r.priority])).toEqual([["Northshire Police", "GREEN"]]);
    expect(o.escalations).toEqual([{ reason: "REFUSAL_DISPUTED", outcome: null, count: 1 }]);
    // The last 30 days still hold what was received three weeks ago.
    const month = await partnershipOversight(await actorFor(TRUST_IG), { period: "30" }, TEST_META);
    expect(month.ok && month.oversight?.byAgency.length).toBe(3);
  });

  it("gives the lead partners the same, others nothing; refuses and audits another partnership's IG lead", async () => {
    const lead = await partnershipOversight(await actorFor(DIRECTOR), {}, TEST_META);
    expect(lead.ok && lead.oversight?.byAgency.length).toBe(3);
    for (const email of [TEACHER, NURSE, COUNCIL_ADMIN]) {
      const none = await partnershipOversight(await actorFor(email), {}, TEST_META);
      expect(none.ok && none.oversight).toBeNull();
    }
    const eastshire = await actorFor(EASTSHIRE_IG);
    const own = await partnershipOversight(eastshire, {}, TEST_META);
    expect(own.ok && own.oversight?.partnership.name).toBe("Eastshire Oversight Partnership");
    expect(own.ok && own.oversight?.byAgency).toEqual([]);
    const other = await partnershipOversight(eastshire, { partnership: northshireId }, TEST_META);
    expect(other.ok || other.error).toBe("not-found");
    const refusals = await db().auditEvent.findMany({
      where: { actorId: eastshire.userId, action: "access.denied" },
      select: { objectId: true, detail: true },
    });
    expect(refusals).toEqual([{ objectId: northshireId, detail: { attempted: "partnership.oversight" } }]);
  });

  it("exports the figures as CSV, audited; refuses someone who oversees nothing", async () => {
    const ig = await actorFor(TRUST_IG);
    const result = await exportPartnershipOversight(ig, { period: "90" }, TEST_META);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const lines = result.csv.replace("\uFEFF", "").trim().split("\r\n");
    expect(lines[0]).toContain("Agency,Priority,Target (working hours)");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 7).join(","))).toEqual([
      "Northshire Health NHS Foundation Trust,RED,4,1,1,0,0%",
      "Northshire Health NHS Foundation Trust,AMBER,24,1,1,1,100%",
      "Northshire Police,GREEN,72,1,0,0,0%",
    ]);
    expect(result.csv).not.toContain("Casey");
    const audit = await db().auditEvent.findMany({
      where: { actorId: ig.userId, action: "partnership.oversight-export" },
      select: { organisationId: true, objectId: true },
    });
    expect(audit).toEqual([{ organisationId: ig.organisationId, objectId: northshireId }]);
    const teacher = await exportPartnershipOversight(await actorFor(TEACHER), {}, TEST_META);
    expect(teacher.ok || teacher.error).toBe("forbidden");
  });
});
