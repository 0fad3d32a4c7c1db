// The request clocks (decision 028) on a real PostgreSQL with a controlled clock: a reminder when
// three quarters of the response time has gone and an escalation to the contact team's supervisor
// once overdue, each exactly once, also when the runner restarts in between (another client: the
// timers are rows, nothing is in memory), and none for a request answered in time.
import { beforeAll, describe, expect, it } from "vitest";
import { reminderAt } from "@/domain/requests";
import { db } from "@/server/infra/db";
import { answerRequest } from "@/server/requests/answer-request";
import { fireDueRequestTimers } from "@/server/requests/fire-request-timers";
import { sendRequest } from "@/server/requests/send-request";
import { loadWorkingCalendar } from "@/server/requests/working-calendar";
import { TEST_META, actorFor, appRolePrisma, seedDemo } from "./support";

const TEACHER = "tom.baker@riverside.example";
const NURSE = "nadia.rahman@northshire-health.example";
const NAMED_NURSE = "owen.price@northshire-health.example";
const MINUTE = 60_000;

let trustId: string;

async function send(at: Date, priority = "RED"): Promise<{ reference: string; dueAt: Date }> {
  const result = await sendRequest(
    await actorFor(TEACHER),
    {
      respondingOrganisationId: trustId,
      priority,
      caseReference: "RPS-2026-020",
      childName: "Sam Doe",
      purpose: "A disclosure this morning of harm at home.",
      informationNeeded: "Any injuries seen in the last year.",
      lawfulBasis: "Children Act 1989 s.47",
    },
    TEST_META,
    at,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

async function notificationsOf(email: string, kind: string): Promise<number> {
  const user = await actorFor(email);
  return db().notification.count({ where: { userId: user.userId, kind } });
}

async function requestEvents(reference: string): Promise<string[]> {
  const request = await db().informationRequest.findUniqueOrThrow({ where: { reference }, select: { id: true } });
  const events = await db().informationRequestEvent.findMany({
    where: { requestId: request.id },
    orderBy: { id: "asc" },
  });
  return events.map((e) => e.kind);
}

beforeAll(async () => {
  await seedDemo();
  trustId = (await db().organisation.findUniqueOrThrow({ where: { name: "Northshire Health NHS Foundation Trust" } }))
    .id;
});

describe("request timers", () => {
  it("remind once at three quarters of the time, escalate once when overdue, across a restart", async () => {
    // Monday 7 December 2026, 10:00 GMT, Red: reminder at 13:00, due at 14:00.
    const sentAt = new Date("2026-12-07T10:00:00Z");
    const { reference, dueAt } = await send(sentAt);
    expect(reminderAt(sentAt, 4, await loadWorkingCalendar(sentAt))).toEqual(new Date("2026-12-07T13:00:00Z"));
    const before = {
      soon: await notificationsOf(NURSE, "REQUEST_DUE_SOON"),
      overdue: await notificationsOf(NAMED_NURSE, "REQUEST_OVERDUE"),
    };

    // Nothing is due a minute before the reminder.
    expect(await fireDueRequestTimers(new Date("2026-12-07T12:59:00Z"))).toEqual({ fired: 0, closed: 0 });
    // The reminder, once, however often the clock ticks.
    expect(await fireDueRequestTimers(new Date("2026-12-07T13:00:00Z"))).toEqual({ fired: 1, closed: 0 });
    expect(await fireDueRequestTimers(new Date("2026-12-07T13:30:00Z"))).toEqual({ fired: 0, closed: 0 });
    expect(await notificationsOf(NURSE, "REQUEST_DUE_SOON")).toBe(before.soon + 1);

    // "Restart": a new client, as a new app process would have, with nothing carried over in memory.
    const restarted = appRolePrisma(2);
    try {
      const afterDue = new Date(dueAt.getTime() + MINUTE);
      expect(await fireDueRequestTimers(afterDue, restarted)).toEqual({ fired: 1, closed: 0 });
      expect(await fireDueRequestTimers(new Date(afterDue.getTime() + 60 * MINUTE), restarted)).toEqual({
        fired: 0,
        closed: 0,
      });
    } finally {
      await restarted.$disconnect();
    }
    // The escalation goes to the contact team's supervisor, not to the practitioners.
    expect(await notificationsOf(NAMED_NURSE, "REQUEST_OVERDUE")).toBe(before.overdue + 1);
    expect(await notificationsOf(NURSE, "REQUEST_OVERDUE")).toBe(0);
    expect(await requestEvents(reference)).toEqual(["SENT", "REMINDED", "ESCALATED"]);
    const audit = await db().auditEvent.findMany({
      where: { objectId: reference, action: { in: ["request.remind", "request.escalate"] } },
      select: { action: true, organisationId: true, actorId: true },
    });
    expect(audit.map((a) => a.action).toSorted()).toEqual(["request.escalate", "request.remind"]);
    expect(audit.every((a) => a.organisationId === trustId && a.actorId === null)).toBe(true);
  });

  it("two runners racing fire each timer once", async () => {
    const sentAt = new Date("2026-12-08T09:00:00Z");
    // The earlier test's request, still unanswered, has gone on to the lead partners (decision 030)
    // by now: fire that first, so only this test's timers are counted.
    await fireDueRequestTimers(sentAt);
    const sent = await Promise.all([send(sentAt), send(sentAt), send(sentAt)]);
    const late = new Date(Math.max(...sent.map((s) => s.dueAt.getTime())) + MINUTE);
    const other = appRolePrisma(2);
    try {
      const [a, b] = await Promise.all([fireDueRequestTimers(late), fireDueRequestTimers(late, other)]);
      expect(a.fired + b.fired).toBe(6);
    } finally {
      await other.$disconnect();
    }
    for (const { reference } of sent) expect(await requestEvents(reference)).toEqual(["SENT", "REMINDED", "ESCALATED"]);
  });

  it("closes the timers of a request answered in time without a message", async () => {
    const sentAt = new Date("2026-12-09T09:00:00Z");
    const { reference, dueAt } = await send(sentAt, "AMBER");
    const answered = await answerRequest(
      await actorFor(NURSE),
      reference,
      { answer: "NO_SHARE", reasons: "We hold no record of this child." },
      TEST_META,
    );
    expect(answered.ok).toBe(true);
    const report = await fireDueRequestTimers(new Date(dueAt.getTime() + MINUTE));
    expect(report.closed).toBeGreaterThanOrEqual(2);
    expect(await requestEvents(reference)).toEqual(["SENT", "ANSWERED"]);
  });
});
