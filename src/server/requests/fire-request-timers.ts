import "server-only";
import { OPEN_STATUSES, type RequestStatus, leadPartnerEscalationAt } from "@/domain/requests";
import type { AuditEventInput } from "@/domain/audit";
import { appendAuditEvent } from "../audit/append-audit-event";
import { type Db, type Tx, db } from "@/server/infra/db";
import { notify, teamSupervisorIds } from "../notifications/notify";
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

const BATCH = 50;

/**
 * Fires the request timers due at `now` (decision 028): a reminder to the contact team when three
 * quarters of the response time has gone, and an escalation to the contact team's supervisors when
 * the request is overdue; then, still unanswered half the response time later, to the partnership's
 * lead safeguarding partners (decision 030). Each timer is claimed with FOR UPDATE SKIP LOCKED and marked fired in the
 * same transaction as its notification and audit event, so it fires exactly once, whichever app
 * instance takes it and whether or not one restarted in between; a crash before commit leaves it
 * due for the next tick. A timer of a request already answered is closed without a message.
 */
export async function fireDueRequestTimers(now: Date = new Date(), client: Db = db()): Promise<TimerReport> {
  const report: TimerReport = { fired: 0, closed: 0 };
  for (let i = 0; i < BATCH; i += 1) {
    const outcome = await client.$transaction(async (tx) => {
      const [timer] = await tx.$queryRaw<
        (DueTimer & {
          id: bigint;
          kind: TimerKind;
          status: RequestStatus;
          assigned_to_id: string | null;
          due_at: Date;
          response_hours: number;
        })[]
      >`
        SELECT t.id, t.kind, t.request_id, r.reference, r.status::text AS status, r.assigned_to_id::text,
               ${REQUEST_RESOURCE_COLUMNS}, r.due_at, r.response_hours
          FROM request_timer t JOIN information_request r ON r.id = t.request_id
         WHERE t.fired_at IS NULL AND t.due_at <= ${now}
         ORDER BY t.due_at, t.id
         LIMIT 1
           FOR UPDATE OF t SKIP LOCKED`;
      if (!timer) return "none" as const;
      await tx.requestTimer.update({ where: { id: timer.id }, data: { firedAt: now } });
      if (!OPEN_STATUSES.includes(timer.status)) return "closed" as const;
      if (timer.kind === "ESCALATE_LEAD") {
        await escalateToLeadPartners(tx, timer, now);
        return "fired" as const;
      }
      if (timer.kind === "ESCALATE") {
        // The lead partners' clock starts from the due time, whenever this tick happens to run.
        const calendar = await loadWorkingCalendar(timer.due_at, tx);
        await tx.requestTimer.createMany({
          data: [
            {
              requestId: timer.request_id,
              kind: "ESCALATE_LEAD",
              dueAt: leadPartnerEscalationAt(timer.due_at, timer.response_hours, calendar),
            },
          ],
          skipDuplicates: true,
        });
      }
      const recipients =
        timer.kind === "REMIND"
          ? timer.assigned_to_id
            ? [timer.assigned_to_id]
            : await contactTeamMemberIds(tx, timer.contact_team_id)
          : await teamSupervisorIds(tx, timer.contact_team_id);
      await notify(tx, {
        recipientIds: recipients,
        kind: timer.kind === "REMIND" ? "REQUEST_DUE_SOON" : "REQUEST_OVERDUE",
      });
      await tx.informationRequestEvent.create({
        data: { requestId: timer.request_id, kind: timer.kind === "REMIND" ? "REMINDED" : "ESCALATED" },
      });
      // On the responding organisation's chain only: the requesting side is not yet involved.
      await appendAuditEvent(
        tx,
        timerAuditEntry(
          timer.responding_organisation_id,
          timer.kind === "REMIND" ? "request.remind" : "request.escalate",
          timer.reference,
          {
            recipients: String(recipients.length),
          },
        ),
      );
      return "fired" as const;
    });
    if (outcome === "none") break;
    report[outcome] += 1;
  }
  return report;
}

interface DueTimer extends RequestResourceRow {
  request_id: string;
  reference: string;
}

/**
 * Still unanswered well after it was due: the request goes to the lead safeguarding partners, who
 * are told; the step is in the request's history and, with no person acting, in both parties' logs.
 */
async function escalateToLeadPartners(tx: Tx, timer: DueTimer, now: Date): Promise<void> {
  const request = { id: timer.request_id, ...requestResourceOf(timer) };
  const opened = await openLeadPartnerEscalation(tx, request, "OVERDUE", null, null, now);
  if (!opened) return;
  await tx.informationRequestEvent.create({
    data: { requestId: timer.request_id, kind: "ESCALATED_TO_LEAD_PARTNERS" },
  });
  for (const organisationId of [timer.requesting_organisation_id, timer.responding_organisation_id])
    await appendAuditEvent(
      tx,
      timerAuditEntry(organisationId, "request.escalate-to-lead-partners", timer.reference, {
        leadPartnersTold: String(opened.recipients),
      }),
    );
}

/** A timer's step in an organisation's log: the system acts, so no person and no request id. */
function timerAuditEntry(
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
