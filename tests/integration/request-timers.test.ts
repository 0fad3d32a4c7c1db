// The request clocks (decision 028) on a real PostgreSQL with a controlled clock: a reminder when
// three quarters of the response time has gone and an escalation to the contact team's supervisor
// once overdue, each exactly once, also when the runner restarts in between (another client: the
// timers are rows, nothing is in memory), and none for a request answered in time.
import { beforeAll, describe, expect, it } from "vitest";
import { reminderAt } from "@/domain/requests";
import { db } from "@/server/infra/db";
import { fireDueRequestTimers } from "@/server/requests/fire-request-timers";
import { loadWorkingCalendar } from "@/server/requests/working-calendar";
import {
  NAMED_NURSE,
  NURSE,
  TRUST,
  answerAs,
  notificationsOf,
  organisationId,
  requestEvents,
  requestFields,
  sendAs,
} from "./request-fixtures";
import { appRolePrisma, withSuperuser } from "./support";

const MINUTE = 60_000;

let trustId: string;

async function send(at: Date, priority = "RED"): Promise<{ reference: string; dueAt: Date }> {
  return sendAs(requestFields(trustId, { priority }), at);
}

beforeAll(async () => {
  trustId = await organisationId(TRUST);
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
    const answered = await answerAs(NURSE, reference, { reasons: "We hold no record of this child." });
    expect(answered.ok).toBe(true);
    const report = await fireDueRequestTimers(new Date(dueAt.getTime() + MINUTE));
    expect(report.closed).toBeGreaterThanOrEqual(2);
    expect(await requestEvents(reference)).toEqual(["SENT", "ANSWERED"]);
  });

  it("keeps on every timer its request's responding organisation, which the runner claims by", async () => {
    // Timers written by sending (REMIND, ESCALATE) and by firing an escalation (ESCALATE_LEAD), above.
    const kinds = await withSuperuser(async (client) => {
      const { rows } = await client.query<{ kind: string; timers: number; mismatched: number }>(
        `SELECT t.kind, count(*)::int AS timers,
                count(*) FILTER (WHERE t.responding_organisation_id <> r.responding_organisation_id)::int AS mismatched
           FROM request_timer t JOIN information_request r ON r.id = t.request_id
          GROUP BY t.kind ORDER BY t.kind`,
      );
      return rows;
    });
    expect(kinds.map((k) => k.kind)).toEqual(["ESCALATE", "ESCALATE_LEAD", "REMIND"]);
    expect(kinds.every((k) => k.timers > 0 && k.mismatched === 0)).toBe(true);
  });
});
