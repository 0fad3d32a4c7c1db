// Escalation to the lead safeguarding partners (issue 14, decision 030) on a real PostgreSQL with a
// controlled clock: an unanswered request reaches them half its response time after it was due (after
// the contact team's supervisors), once, across a restart; a refusal the requester disputes reaches
// them with its reasons; they read it without the child's identifiers and decide, and the decision is
// audited in both parties' logs and returned to both sides. Isolation: a lead partner who is a party,
// another partner and another partnership's lead partner learn nothing, and each attempt is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/infra/db";
import { decideEscalation } from "@/server/requests/decide-escalation";
import { disputeRefusal } from "@/server/requests/dispute-refusal";
import { fireDueRequestTimers } from "@/server/requests/fire-request-timers";
import { listEscalatedRequests } from "@/server/requests/list-escalated-requests";
import { viewEscalatedRequest } from "@/server/requests/view-escalated-request";
import { viewRequest } from "@/server/requests/view-request";
import {
  NAMED_NURSE,
  NURSE,
  TEACHER,
  TRUST,
  addOtherPartnership,
  answerAs,
  auditOf,
  lastAuditId,
  notificationsOf,
  organisationId,
  refusalsSince,
  requestEvents,
  requestFields,
  sendAs,
  postAs,
  expectPostings,
} from "./request-fixtures";
import { TEST_META, actorFor, appRolePrisma } from "./support";
import { RACHEL as DIRECTOR, MAYA as DCI, ELLIS as DETECTIVE } from "./demo-people";

// Lead partners: the council's director and the police DCI may decide a school-trust dispute; the
// trust's named nurse leads its contact team, so is a party to it.
const EASTSHIRE_LEAD = "lead@eastshire-escalations.example";
const CHILD = "Robin Escalation-Test";

let trustId: string;
let schoolId: string;

async function send(at: Date): Promise<{ reference: string; dueAt: Date }> {
  const fields = { caseReference: "RPS-ESC-001", childName: CHILD, nhsNumber: "943 476 5919" };
  return sendAs(requestFields(trustId, fields), at);
}

beforeAll(async () => {
  trustId = await organisationId(TRUST);
  schoolId = await organisationId("Riverside Primary School");
  // Another partnership with a lead partner of its own.
  await addOtherPartnership({
    organisation: "Eastshire Escalations Council",
    partnership: "Eastshire Escalations Partnership",
    person: { email: EASTSHIRE_LEAD, name: "Lee Eastshire", role: "SUPERVISOR" },
    lead: true,
  });
});

describe("an unanswered Red request reaches the lead partners, then a disputed refusal, and they decide", () => {
  // Monday 14 December 2026, 10:00 GMT, Red (4 working hours): due at 14:00; the contact team's
  // supervisors are told then; the lead partners at 16:00 (half the response time again).
  const sentAt = new Date("2026-12-14T10:00:00Z");
  let reference: string;

  beforeAll(async () => {
    ({ reference } = await send(sentAt));
  });

  it("before it is escalated, a lead partner sees nothing of it (and the attempt is audited)", async () => {
    const since = await lastAuditId();
    const result = await viewEscalatedRequest(await actorFor(DIRECTOR), reference, TEST_META);
    expect(result.ok || result.error).toBe("not-found");
    expect(await refusalsSince(DIRECTOR, since)).toMatchObject([
      { objectId: reference, detail: { attempted: "request.view-escalated", reason: "other-organisation" } },
    ]);
    const listed = await listEscalatedRequests(await actorFor(DIRECTOR), { show: "all" });
    expect(listed.ok && listed.rows.map((r) => r.reference)).not.toContain(reference);
  });

  it("escalates to the lead partners once, two working hours after the due time, across a restart", async () => {
    const before = { director: await notificationsOf(DIRECTOR, "REQUEST_ESCALATED") };
    // The supervisors' escalation at the due time (and the reminder before it) schedules the lead partners'.
    await fireDueRequestTimers(new Date("2026-12-14T14:01:00Z"));
    expect(await requestEvents(reference)).toEqual(["SENT", "REMINDED", "ESCALATED"]);
    const timer = await db().requestTimer.findFirstOrThrow({
      where: { request: { reference }, kind: "ESCALATE_LEAD" },
    });
    expect(timer.dueAt).toEqual(new Date("2026-12-14T16:00:00Z"));
    // A minute early: nothing.
    expect(await fireDueRequestTimers(new Date("2026-12-14T15:59:00Z"))).toEqual({ fired: 0, closed: 0 });
    const restarted = appRolePrisma(2);
    try {
      expect(await fireDueRequestTimers(new Date("2026-12-14T16:00:00Z"), restarted)).toEqual({ fired: 1, closed: 0 });
      expect(await fireDueRequestTimers(new Date("2026-12-15T16:00:00Z"), restarted)).toEqual({ fired: 0, closed: 0 });
    } finally {
      await restarted.$disconnect();
    }
    expect(await requestEvents(reference)).toEqual(["SENT", "REMINDED", "ESCALATED", "ESCALATED_TO_LEAD_PARTNERS"]);
    const escalations = await db().requestEscalation.findMany({ where: { request: { reference } } });
    expect(escalations.map((e) => [e.reason, e.raisedById])).toEqual([["OVERDUE", null]]);
    // The director and the DCI are told; the named nurse, whose team owes the answer, is not its judge.
    expect(await notificationsOf(DIRECTOR, "REQUEST_ESCALATED")).toBe(before.director + 1);
    expect(await notificationsOf(DCI, "REQUEST_ESCALATED")).toBeGreaterThan(0);
    expect(await notificationsOf(NAMED_NURSE, "REQUEST_ESCALATED")).toBe(0);
    // In both parties' logs, with no person acting.
    const audit = await auditOf(reference, "request.escalate-to-lead-partners");
    expect(audit.map((a) => a.organisationId).toSorted()).toEqual([schoolId, trustId].toSorted());
    expect(audit.every((a) => a.actorId === null)).toBe(true);
  });

  it("lists it for the lead partners who may decide it, not for a party or anyone else", async () => {
    for (const email of [DIRECTOR, DCI]) {
      const listed = await listEscalatedRequests(await actorFor(email), {});
      expect(listed.ok && listed.rows.find((r) => r.reference === reference)).toMatchObject({
        reason: "OVERDUE",
        outcome: null,
        requestingOrganisation: "Riverside Primary School",
      });
    }
    const named = await listEscalatedRequests(await actorFor(NAMED_NURSE), { show: "all" });
    expect(named.ok && named.rows.map((r) => r.reference)).not.toContain(reference);
    for (const email of [DETECTIVE, NURSE, TEACHER]) {
      const listed = await listEscalatedRequests(await actorFor(email), { show: "all" });
      expect(listed.ok && listed).toEqual({ ok: true, partnerships: [], rows: [], next: null });
    }
    const eastshire = await listEscalatedRequests(await actorFor(EASTSHIRE_LEAD), { show: "all" });
    expect(eastshire.ok && eastshire.rows).toEqual([]);
  });

  it("the trust refuses; the teacher disputes it with reasons, once; the lead partners are told", async () => {
    const refused = await answerAs(NURSE, reference, { reasons: "The records are held by another trust; ask them." });
    expect(refused.ok).toBe(true);
    const told = await notificationsOf(DCI, "REQUEST_ESCALATED");
    await expectPostings(disputeRefusal, reference, [
      // Not the contact team, and not without reasons.
      [NURSE, { reasons: "x".repeat(20) }, "forbidden"],
      [TEACHER, { reasons: "" }, "invalid"],
      [
        TEACHER,
        { reasons: "The child named this trust's clinic; a delay leaves them at risk." },
        true,
        new Date("2026-12-15T09:30:00Z"),
      ],
      // Once.
      [TEACHER, { reasons: "Still disagree with the refusal." }, "conflict"],
    ]);
    expect(await notificationsOf(DCI, "REQUEST_ESCALATED")).toBe(told + 1);
    const audit = await auditOf(reference, "request.dispute-refusal");
    expect(audit.map((a) => a.organisationId).toSorted()).toEqual([schoolId, trustId].toSorted());
    const teacherId = (await actorFor(TEACHER)).userId;
    expect(audit.every((a) => a.actorId === teacherId)).toBe(true);
  });

  it("shows a lead partner the request and the refusal's reasons, not the child's identifiers; audited", async () => {
    const result = await viewEscalatedRequest(await actorFor(DIRECTOR), reference, TEST_META);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const seen = result.request;
    expect(seen.answer).toMatchObject({
      kind: "NO_SHARE",
      reasons: "The records are held by another trust; ask them.",
    });
    expect(seen.escalations.map((e) => e.reason)).toEqual(["OVERDUE", "REFUSAL_DISPUTED"]);
    expect(seen.escalations[1]!.reasons).toContain("The child named this trust's clinic");
    expect(seen.mayDecide).toBe(true);
    const serialised = JSON.stringify(seen);
    for (const identifier of [CHILD, "9434765919", "RPS-ESC-001"]) expect(serialised).not.toContain(identifier);
    const audit = await auditOf(reference, "request.view-escalated");
    expect(audit.map((a) => a.organisationId).toSorted()).toEqual([schoolId, trustId].toSorted());
  });

  it("refuses, and audits, the lead partner who is a party, another partner and another partnership", async () => {
    const since = await lastAuditId();
    for (const email of [NAMED_NURSE, DETECTIVE, EASTSHIRE_LEAD]) {
      const viewed = await viewEscalatedRequest(await actorFor(email), reference, TEST_META);
      expect(viewed.ok || viewed.error).toBe("not-found");
      const decided = await postAs(decideEscalation, email, reference, {
        outcome: "UPHOLD",
        reasons: "The refusal is reasonable.",
      });
      expect(decided.ok || decided.error).toBe("not-found");
      const refusals = await refusalsSince(email, since);
      expect(refusals.map((r) => (r.detail as { attempted: string }).attempted)).toEqual([
        "request.view-escalated",
        "request.decide-escalation",
      ]);
      expect(refusals.map((r) => (r.detail as { reason?: string }).reason)).toEqual(
        email === NAMED_NURSE ? [undefined, undefined] : ["other-organisation", "other-organisation"],
      );
    }
  });

  it("the DCI decides: recorded once, in both logs, returned to both sides", async () => {
    const before = {
      teacher: await notificationsOf(TEACHER, "REQUEST_ESCALATION_DECIDED"),
      nurse: await notificationsOf(NURSE, "REQUEST_ESCALATION_DECIDED"),
    };
    const reasons = "Necessary and proportionate: share the clinic's records today.";
    await expectPostings(decideEscalation, reference, [
      [DCI, { outcome: "ASK_TO_SHARE" }, "invalid"],
      [DCI, { outcome: "ASK_TO_SHARE", reasons }, true, new Date("2026-12-15T11:00:00Z")],
      // Once: another lead partner comes too late.
      [DIRECTOR, { outcome: "UPHOLD", reasons: "The refusal is reasonable." }, "conflict"],
    ]);
    const decisions = await db().requestEscalationDecision.findMany({
      where: { escalation: { request: { reference } } },
    });
    expect(decisions.map((d) => d.outcome)).toEqual(["ASK_TO_SHARE", "ASK_TO_SHARE"]);
    expect(await notificationsOf(TEACHER, "REQUEST_ESCALATION_DECIDED")).toBe(before.teacher + 1);
    expect(await notificationsOf(NURSE, "REQUEST_ESCALATION_DECIDED")).toBe(before.nurse + 1);
    const dci = await actorFor(DCI);
    const audit = await auditOf(reference, "request.decide-escalation");
    expect(audit.map((a) => a.organisationId).toSorted()).toEqual([schoolId, trustId].toSorted());
    expect(audit.every((a) => a.actorId === dci.userId)).toBe(true);
    expect(audit[0]!.detail).toMatchObject({ outcome: "ASK_TO_SHARE" });

    // Both sides read the decision on the request's page.
    for (const email of [TEACHER, NURSE]) {
      const viewed = await viewRequest(await actorFor(email), reference, TEST_META);
      if (!viewed.ok) throw new Error(JSON.stringify(viewed.errors));
      expect(viewed.request.escalations.map((e) => e.decision?.outcome)).toEqual(["ASK_TO_SHARE", "ASK_TO_SHARE"]);
      expect(viewed.request.escalations[1]!.decision!.decidedBy).toBe("Maya Singh (Northshire Police)");
      expect(viewed.request.may.disputeRefusal).toBe(false);
    }
    // Decided: off the lead partners' open list, still in "all".
    const open = await listEscalatedRequests(await actorFor(DIRECTOR), {});
    expect(open.ok && open.rows.map((r) => r.reference)).not.toContain(reference);
    const all = await listEscalatedRequests(await actorFor(DIRECTOR), { show: "all" });
    expect(all.ok && all.rows.filter((r) => r.reference === reference).map((r) => r.outcome)).toEqual([
      "ASK_TO_SHARE",
      "ASK_TO_SHARE",
    ]);
  });
});

describe("what cannot be escalated", () => {
  it("a share cannot be disputed; a request answered in time never reaches the lead partners", async () => {
    const { reference } = await send(new Date("2026-12-16T09:00:00Z"));
    const shared = await answerAs(NURSE, reference, { information: "One attendance, 2 December 2026." });
    expect(shared.ok).toBe(true);
    const disputed = await postAs(disputeRefusal, TEACHER, reference, { reasons: "x".repeat(20) });
    expect(disputed.ok || disputed.error).toBe("conflict");
    await fireDueRequestTimers(new Date("2026-12-18T09:00:00Z"));
    expect(await db().requestEscalation.count({ where: { request: { reference } } })).toBe(0);
    expect(await db().requestTimer.count({ where: { request: { reference }, kind: "ESCALATE_LEAD" } })).toBe(0);
  });
});
