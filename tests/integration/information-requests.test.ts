// Information requests between the agencies of a partnership (issue 14) on a real PostgreSQL, as
// the app's restricted role: the whole exchange, the clock, notifications and email, both audit
// logs, and isolation (another partner, another partnership, the wrong people of a party).
import { beforeAll, describe, expect, it } from "vitest";
import { dueAt } from "@/domain/requests";
import { fullRequestFields } from "@/domain/requests/test-fixtures";
import { db } from "@/server/infra/db";
import { acknowledgeRequest } from "@/server/requests/acknowledge-request";
import { assignRequest } from "@/server/requests/assign-request";
import { confirmRequestReceipt } from "@/server/requests/confirm-request-receipt";
import { listRequestInbox, INBOX_PAGE_SIZE } from "@/server/requests/list-request-inbox";
import { listSentRequests } from "@/server/requests/list-sent-requests";
import { sendRequest } from "@/server/requests/send-request";
import { viewRequest } from "@/server/requests/view-request";
import { loadWorkingCalendar } from "@/server/requests/working-calendar";
import {
  NAMED_NURSE,
  NURSE,
  TEACHER,
  addOtherPartnership,
  answerAs,
  auditOf,
  lastAuditId,
  refusalsSince,
  sendAs,
  postAs,
} from "./request-fixtures";
import { TEST_META, actorFor, withSuperuser } from "./support";
import { AMY as TEACHING_ASSISTANT, RUTH as DSL, GRACE as TRUST_IG, ELLIS as POLICE } from "./demo-people";

const ELSEWHERE = "pat.other@eastshire.example";

let trustId: string;
let schoolId: string;
let policeId: string;
let eastshireId: string;

function requestInput(overrides: Record<string, string> = {}) {
  return { ...fullRequestFields(trustId), ...overrides };
}

async function send(overrides: Record<string, string> = {}, at?: Date): Promise<string> {
  return (await sendAs(requestInput(overrides), at)).reference;
}

beforeAll(async () => {
  const organisation = (name: string) => db().organisation.findUniqueOrThrow({ where: { name } });
  trustId = (await organisation("Northshire Health NHS Foundation Trust")).id;
  schoolId = (await organisation("Riverside Primary School")).id;
  policeId = (await organisation("Northshire Police")).id;
  // Another partnership, with an organisation that is no partner of Northshire's.
  eastshireId = await addOtherPartnership({
    organisation: "Eastshire County Council",
    partnership: "Eastshire Partnership",
    person: { email: ELSEWHERE, name: "Pat Other", role: "PRACTITIONER" },
  });
});

describe("a school asks the health trust (Amber) and the trust answers", () => {
  let reference: string;
  const sentAt = new Date("2026-11-27T16:55:00Z"); // a Friday, 16:55

  it("sends: due in 24 working hours on the England and Wales calendar, bank holidays from the database", async () => {
    const result = await sendRequest(await actorFor(TEACHER), requestInput(), TEST_META, sentAt);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    reference = result.reference;
    expect(result.dueAt).toEqual(dueAt(sentAt, 24, await loadWorkingCalendar(sentAt)));
    // 5 minutes on Friday, 8 hours on Monday and Tuesday, 7 h 55 min on Wednesday.
    expect(result.dueAt).toEqual(new Date("2026-12-02T16:55:00Z"));
    const sent = await listSentRequests(await actorFor(TEACHER));
    expect(sent.map((r) => r.reference)).toContain(reference);
  });

  it("tells the trust's contact team in the app and by email, and nobody else", async () => {
    const team = await db().user.findMany({ where: { email: { in: [NURSE, NAMED_NURSE] } }, select: { id: true } });
    const notified = await db().notification.findMany({
      where: { kind: "REQUEST_RECEIVED" },
      select: { userId: true },
    });
    expect(notified.map((n) => n.userId).toSorted()).toEqual(team.map((u) => u.id).toSorted());
    const mail = await withSuperuser((client) =>
      client.query<{ to_address: string }>(
        `SELECT to_address FROM email_outbox WHERE template = 'REQUEST_RECEIVED' ORDER BY to_address`,
      ),
    );
    expect(mail.rows.map((r) => r.to_address)).toEqual([NURSE, NAMED_NURSE].toSorted());
  });

  it("is audited in both organisations' logs, the case reference only in the school's", async () => {
    const events = await auditOf(reference, "request.send");
    expect(events.map((e) => e.organisationId).toSorted()).toEqual([schoolId, trustId].toSorted());
    expect(events.find((e) => e.organisationId === schoolId)?.caseReference).toBe("RPS-2026-014");
    expect(events.find((e) => e.organisationId === trustId)?.caseReference).toBeNull();
  });

  it("appears in the contact team's inbox, not in another partner's", async () => {
    const inbox = await listRequestInbox(await actorFor(NURSE), {});
    expect(inbox.ok && inbox.contactTeam).toBe("Safeguarding Children Team");
    expect(inbox.ok && inbox.rows.map((r) => r.reference)).toContain(reference);
    const police = await listRequestInbox(await actorFor(POLICE), {});
    expect(police.ok && police.rows).toEqual([]);
  });

  it("refuses, and audits, another partner, another partnership, and the wrong people of each party", async () => {
    const since = await lastAuditId();
    for (const email of [POLICE, ELSEWHERE]) {
      const result = await viewRequest(await actorFor(email), reference, TEST_META);
      expect(result.ok || result.error).toBe("not-found");
      const refusals = await refusalsSince(email, since);
      expect(refusals).toHaveLength(1);
      expect(refusals[0]!.detail).toEqual({ attempted: "request.view", reason: "other-organisation" });
    }
    expect((await refusalsSince(POLICE, since))[0]!.organisationId).toBe(policeId);
    expect((await refusalsSince(ELSEWHERE, since))[0]!.organisationId).toBe(eastshireId);
    // A colleague of the requester who is not in the case, and the trust's IG lead acting on it.
    const colleague = await viewRequest(await actorFor(TEACHING_ASSISTANT), reference, TEST_META);
    expect(colleague.ok || colleague.error).toBe("forbidden");
    expect(await refusalsSince(TEACHING_ASSISTANT, since)).toHaveLength(1);
    const igAcknowledges = await acknowledgeRequest(await actorFor(TRUST_IG), reference, TEST_META);
    expect(igAcknowledges.ok || igAcknowledges.error).toBe("forbidden");
    // The requester cannot answer their own request.
    const selfAnswer = await answerAs(TEACHER, reference, { reasons: "x".repeat(20) });
    expect(selfAnswer.ok || selfAnswer.error).toBe("forbidden");
  });

  it("lets the trust's IG lead and the school's DSL read it", async () => {
    expect((await viewRequest(await actorFor(TRUST_IG), reference, TEST_META)).ok).toBe(true);
    expect((await viewRequest(await actorFor(DSL), reference, TEST_META)).ok).toBe(true);
  });

  it("acknowledges once, assigns only within the contact team", async () => {
    expect((await acknowledgeRequest(await actorFor(NURSE), reference, TEST_META)).ok).toBe(true);
    const again = await acknowledgeRequest(await actorFor(NAMED_NURSE), reference, TEST_META);
    expect(again.ok || again.error).toBe("conflict");
    const teacher = await actorFor(TEACHER);
    const wrong = await postAs(assignRequest, NAMED_NURSE, reference, { assigneeId: teacher.userId });
    expect(wrong.ok || wrong.error).toBe("invalid");
    const nurse = await actorFor(NURSE);
    const assigned = await postAs(assignRequest, NAMED_NURSE, reference, { assigneeId: nurse.userId });
    expect(assigned.ok).toBe(true);
  });

  it("answers with a share: the requester is told, and the answer is in both logs", async () => {
    const result = await answerAs(NURSE, reference, {
      information: "Two A&E attendances: 3 and 17 November 2026, minor injuries.",
    });
    expect(result.ok).toBe(true);
    const teacher = await actorFor(TEACHER);
    expect(await db().notification.count({ where: { userId: teacher.userId, kind: "REQUEST_ANSWERED" } })).toBe(1);
    const events = await auditOf(reference, "request.answer");
    expect(events.map((e) => e.organisationId).toSorted()).toEqual([schoolId, trustId].toSorted());
    const twice = await answerAs(NURSE, reference, { reasons: "x".repeat(20) });
    expect(twice.ok || twice.error).toBe("conflict");
  });

  it("shows the requester the information; each of their views is audited in both logs", async () => {
    const before = (await auditOf(reference, "request.view")).length;
    const view = await viewRequest(await actorFor(TEACHER), reference, TEST_META);
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.request.answer?.body).toContain("Two A&E attendances");
    expect(view.request.may.confirmReceipt).toBe(true);
    const after = await auditOf(reference, "request.view");
    const added = after.slice(before);
    expect(added.map((e) => e.organisationId).toSorted()).toEqual([schoolId, trustId].toSorted());
    expect(view.request.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["SENT", "ACKNOWLEDGED", "ASSIGNED", "ANSWERED", "VIEWED"]),
    );
  });

  it("the requester confirms receipt, once", async () => {
    expect((await confirmRequestReceipt(await actorFor(TEACHER), reference, TEST_META)).ok).toBe(true);
    const again = await confirmRequestReceipt(await actorFor(TEACHER), reference, TEST_META);
    expect(again.ok || again.error).toBe("conflict");
    const events = await auditOf(reference, "request.confirm-receipt");
    expect(events).toHaveLength(2);
  });
});

describe("sending only to a partner", () => {
  it("refuses an organisation of another partnership, and the sender's own, auditing the attempt", async () => {
    const since = await lastAuditId();
    for (const target of [eastshireId, schoolId]) {
      const result = await sendRequest(
        await actorFor(TEACHER),
        requestInput({ respondingOrganisationId: target }),
        TEST_META,
      );
      expect(result.ok || result.errors[0]?.field).toBe("respondingOrganisationId");
    }
    const refusals = await refusalsSince(TEACHER, since);
    expect(refusals.map((r) => r.detail)).toEqual([
      { attempted: "request.send", reason: "other-organisation" },
      { attempted: "request.send", reason: "other-organisation" },
    ]);
  });
});

describe("the inbox", () => {
  it("orders by due time and pages on (due time, id) without gaps or repeats", async () => {
    const base = new Date("2026-12-07T10:00:00Z");
    const priorities = ["RED", "AMBER", "GREEN"];
    for (let i = 0; i < INBOX_PAGE_SIZE + 5; i += 1)
      await send({ priority: priorities[i % 3]! }, new Date(base.getTime() + (i % 7) * 60_000));
    const nurse = await actorFor(NURSE);
    const first = await listRequestInbox(nurse, { show: "all" });
    if (!first.ok) throw new Error("inbox failed");
    expect(first.rows).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.next).not.toBeNull();
    const second = await listRequestInbox(nurse, { show: "all", after: first.next! });
    if (!second.ok) throw new Error("inbox failed");
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((r) => r.reference)).size).toBe(all.length);
    const dues = all.map((r) => r.dueAt.getTime());
    expect(dues).toEqual(dues.toSorted((a, b) => a - b));
    expect(all.length).toBeGreaterThanOrEqual(INBOX_PAGE_SIZE + 5);
  });
});
