import "server-only";
import { OPEN_STATUSES, type RequestStatus, leadPartnerEscalationAt } from "@/domain/requests";
import { Prisma } from "@/generated/prisma/client";
import type { AuditEventInput } from "@/domain/audit";
import { appendAuditEvents } from "../audit/append-audit-event";
import { type Db, type Tx, db } from "@/server/infra/db";
import { type NotificationMessage, notifyEach, teamSupervisorIds } from "../notifications/notify";
import { contactTeamMemberIds } from "./contact-team";
import { openLeadPartnerEscalation } from "./lead-partners";
import { REQUEST_RESOURCE_COLUMNS, type RequestResourceRow, requestResourceOf } from "./request-resource-row";
import { loadWorkingCalendar } from "./working-calendar";

// ESCALATE_LEAD (decision 030) is written when ESCALATE fires, so requests sent before it existed get it too.
export const TIMER_KINDS = ["REMIND", "ESCALATE", "ESCALATE_LEAD"] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export interface TimerReport {
  /** Timers whose reminder or escalation was sent. */
  fired: number;
  /** Timers of requests answered in time: closed without a message. */
  closed: number;
}

/** Timers claimed per call, one transaction each. */
export const TIMER_BATCH = 50;

/**
 * Fires the request timers due at `now` (decision 028): a reminder to the contact team when three
 * quarters of the response time has gone, and an escalation to the contact team's supervisors when
 * the request is overdue; then, still unanswered half the response time later, to the partnership's
 * lead safeguarding partners (decision 030). Up to TIMER_BATCH timers a call, claimed together with
 * FOR UPDATE SKIP LOCKED and marked fired in the same transaction as their notifications and audit
 * events, so each fires exactly once, whichever app instance takes it and whether or not one
 * restarted in between; a crash before commit leaves them all due for the next tick. One
 * transaction for many timers, not one each: 10,000 due at once fire in seconds (issue 14). A
 * timer of a request already answered is closed without a message.
 */
export async function fireDueRequestTimers(now: Date = new Date(), client: Db = db()): Promise<TimerReport> {
  const report: TimerReport = { fired: 0, closed: 0 };
  for (;;) {
    const wanted = TIMER_BATCH - report.fired - report.closed;
    if (wanted <= 0) return report;
    // Timers an ESCALATE writes (ESCALATE_LEAD) may already be due: the next round of the loop takes them.
    const done = await client.$transaction((tx) => fireBatch(tx, now, wanted), { timeout: 60_000 });
    if (done.fired + done.closed === 0) return report;
    report.fired += done.fired;
    report.closed += done.closed;
  }
}

/** A claimed timer with what firing it needs of its request. */
interface ClaimedTimer extends DueTimer {
  id: bigint;
  kind: TimerKind;
  status: RequestStatus;
  assigned_to_id: string | null;
  /** The request's due time: the lead partners' clock starts from it. */
  due_at: Date;
  response_hours: number;
}

/**
 * Claims due timers, earliest first: the first, then more of the same responding organisation, so a
 * batch appends to one audit chain and two runners' batches cannot wait on each other's chains in
 * opposite orders. An ESCALATE_LEAD timer (two organisations' chains) goes alone. Both claims read
 * request_timer's indexes alone (the responding organisation is kept on the timer), and stop at the
 * limit: at 1,000,000 requests, joining the requests there read every request, or the organisation's
 * 50,000, for each batch (decision 028, Measured). Then the batch is marked fired, and its requests
 * read by key, in one statement.
 */
async function claimDueTimers(tx: Tx, now: Date, limit: number): Promise<ClaimedTimer[]> {
  // ORDER BY fired_at too, NULL in every row taken: so the index (fired_at, due_at, id), or
  // (responding_organisation_id, fired_at, due_at, id), gives the order, with no sort of every due timer.
  const claim = (more: Prisma.Sql, take: number) => tx.$queryRaw<
    { id: bigint; kind: TimerKind; responding_organisation_id: string }[]
  >`
    SELECT id, kind, responding_organisation_id::text FROM request_timer
     WHERE fired_at IS NULL AND due_at <= ${now} ${more}
     ORDER BY fired_at, due_at, id
     LIMIT ${take}
       FOR UPDATE SKIP LOCKED`;
  const [first] = await claim(Prisma.empty, 1);
  if (!first) return [];
  const more =
    first.kind === "ESCALATE_LEAD" || limit === 1
      ? []
      : await claim(
          Prisma.sql`AND responding_organisation_id = ${first.responding_organisation_id}::uuid
                     AND kind <> 'ESCALATE_LEAD' AND id <> ${first.id}`,
          limit - 1,
        );
  const ids = [first, ...more].map((timer) => timer.id);
  const fired = await tx.$queryRaw<ClaimedTimer[]>`
    UPDATE request_timer t SET fired_at = ${now}
      FROM information_request r
     WHERE t.id = ANY(${ids.map(String)}::bigint[]) AND r.id = t.request_id
    RETURNING t.id, t.kind, t.request_id::text, r.reference, r.status::text AS status, r.assigned_to_id::text,
              r.due_at, r.response_hours, ${REQUEST_RESOURCE_COLUMNS}`;
  // In the order claimed, which is the order they fire in.
  const position = new Map(ids.map((id, index) => [id, index]));
  return fired.toSorted((a, b) => position.get(a.id)! - position.get(b.id)!);
}

async function fireBatch(tx: Tx, now: Date, limit: number): Promise<TimerReport> {
  const timers = await claimDueTimers(tx, now, limit);
  const report: TimerReport = { fired: 0, closed: 0 };
  if (timers.length === 0) return report;
  // Written together at the end of the batch, in the order the timers fired: one statement each.
  const events: { requestId: string; kind: string }[] = [];
  const messages: NotificationMessage[] = [];
  const audits: AuditEventInput[] = [];
  const leadTimers: { requestId: string; respondingOrganisationId: string; kind: TimerKind; dueAt: Date }[] = [];
  // The same team's people and the same due time's calendar, asked once a batch.
  const recipientsOf = new Map<string, Promise<string[]>>();
  const calendarOf = new Map<number, ReturnType<typeof loadWorkingCalendar>>();
  const once = <K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key)!;
  };
  for (const timer of timers) {
    if (!OPEN_STATUSES.includes(timer.status)) {
      report.closed += 1;
      continue;
    }
    report.fired += 1;
    if (timer.kind === "ESCALATE_LEAD") {
      await escalateToLeadPartners(tx, timer, now, events, audits);
      continue;
    }
    if (timer.kind === "ESCALATE") {
      // The lead partners' clock starts from the due time, whenever this tick happens to run.
      const dueAt = timer.due_at;
      const calendar = await once(calendarOf, dueAt.getTime(), () => loadWorkingCalendar(dueAt, tx));
      leadTimers.push({
        requestId: timer.request_id,
        respondingOrganisationId: timer.responding_organisation_id,
        kind: "ESCALATE_LEAD",
        dueAt: leadPartnerEscalationAt(dueAt, timer.response_hours, calendar),
      });
    }
    const recipients =
      timer.kind === "REMIND"
        ? timer.assigned_to_id
          ? [timer.assigned_to_id]
          : await once(recipientsOf, `members ${timer.contact_team_id}`, () =>
              contactTeamMemberIds(tx, timer.contact_team_id),
            )
        : await once(recipientsOf, `supervisors ${timer.contact_team_id}`, () =>
            teamSupervisorIds(tx, timer.contact_team_id),
          );
    messages.push({ recipientIds: recipients, kind: timer.kind === "REMIND" ? "REQUEST_DUE_SOON" : "REQUEST_OVERDUE" });
    events.push({ requestId: timer.request_id, kind: timer.kind === "REMIND" ? "REMINDED" : "ESCALATED" });
    // On the responding organisation's chain.
    audits.push(
      systemEvent(
        timer.responding_organisation_id,
        timer.kind === "REMIND" ? "request.remind" : "request.escalate",
        timer.reference,
        { recipients: String(recipients.length) },
      ),
    );
  }
  await notifyEach(tx, messages);
  await appendAuditEvents(tx, audits);
  if (leadTimers.length > 0) await tx.requestTimer.createMany({ data: leadTimers, skipDuplicates: true });
  if (events.length > 0) await tx.informationRequestEvent.createMany({ data: events });
  return report;
}

/** What escalating a timer's request needs of it: the policy's columns, its id and reference. */
interface DueTimer extends RequestResourceRow {
  request_id: string;
  reference: string;
}

/**
 * Still unanswered well after it was due: the request goes to the lead safeguarding partners, who
 * are told; the step is in the request's history and, with no person acting, in both parties' logs.
 */
async function escalateToLeadPartners(
  tx: Tx,
  timer: DueTimer,
  now: Date,
  events: { requestId: string; kind: string }[],
  audits: AuditEventInput[],
): Promise<void> {
  const opened = await openLeadPartnerEscalation(
    tx,
    { id: timer.request_id, ...requestResourceOf(timer) },
    "OVERDUE",
    null,
    null,
    now,
  );
  if (!opened) return;
  events.push({ requestId: timer.request_id, kind: "ESCALATED_TO_LEAD_PARTNERS" });
  for (const organisationId of [timer.requesting_organisation_id, timer.responding_organisation_id])
    audits.push(
      systemEvent(organisationId, "request.escalate-to-lead-partners", timer.reference, {
        leadPartnersTold: String(opened.recipients),
      }),
    );
}

/** The system acts on a timer: no person, no web request; the object is the request. */
function systemEvent(
  organisationId: string,
  action: string,
  reference: string,
  detail: Record<string, string>,
): AuditEventInput {
  return {
    actorId: null,
    actorRole: null,
    organisationId,
    action,
    objectType: "information-request",
    objectId: reference,
    caseReference: null,
    requestId: null,
    ip: null,
    outcome: "SUCCESS",
    detail,
  };
}
