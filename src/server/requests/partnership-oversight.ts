import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { type PartnershipResource, can } from "@/domain/policy";
import { ukDayStart } from "@/domain/calendar";
import {
  ANSWER_TIME_BANDS,
  type AgencyPriorityFigures,
  ESCALATION_OUTCOMES,
  ESCALATION_REASONS,
  type EscalationFigures,
  type EscalationOutcome,
  type EscalationReason,
  OPEN_STATUSES,
  type OversightPeriod,
  type Priority,
  estimatedMedianHours,
  oversightPeriod,
  oversightPeriodFirstDay,
  responseHours,
} from "@/domain/requests";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

export const OVERDUE_LIST_SIZE = 50;

export interface OverdueRequestRow {
  reference: string;
  requestingOrganisation: string;
  respondingOrganisation: string;
  priority: Priority;
  dueAt: Date;
}

export interface PartnershipOversight {
  partnership: { id: string; name: string };
  /** Every partnership the user may oversee, to choose between. */
  partnerships: { id: string; name: string }[];
  period: OversightPeriod;
  /** The start of the period's first UK day (the figures are kept per day, decision 035). */
  from: Date;
  /** Now: the period's last day is today, so far. */
  to: Date;
  byAgency: AgencyPriorityFigures[];
  escalations: EscalationFigures[];
  /** Still unanswered after their due time (received in any period), most overdue first. */
  overdue: OverdueRequestRow[];
}

export type PartnershipOversightResult = UseCaseResult<{ oversight: PartnershipOversight | null }>;

const querySchema = z.object({ partnership: z.uuid().optional().catch(undefined), period: z.unknown() });

/**
 * The partnership's oversight (decision 030): for its lead partners and each member organisation's IG
 * lead (the partnership policy), every agency's requests received in the period by priority, against
 * the partnership's response times; requests still overdue; escalations and their outcomes. Figures
 * only, no child. Read from the daily figures the database keeps as requests move (decision 035: a few
 * thousand rows for a year, whatever the number of requests), and what depends on now (open requests
 * past their due time) from information_request's index on (partnership, status, due_at, ...) alone.
 * `oversight` is null for someone who oversees no partnership; asking for another partnership is
 * refused and audited.
 */
export async function partnershipOversight(
  user: SignedInUser,
  raw: Record<string, unknown>,
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<PartnershipOversightResult> {
  const query = querySchema.parse({ partnership: raw.partnership, period: raw.period });
  const candidates = await db().partnership.findMany({
    where: {
      OR: [
        { leadPartners: { some: { userId: user.userId } } },
        { members: { some: { organisationId: user.organisationId } } },
      ],
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: { select: { organisationId: true } },
      leadPartners: { select: { userId: true } },
      responseTimes: { select: { priority: true, workingHours: true } },
    },
  });
  const overseen = candidates.filter((p) => can(user, "partnership.oversight", resourceOf(p)));
  const chosen = query.partnership ? overseen.find((p) => p.id === query.partnership) : overseen[0];
  if (query.partnership && !chosen) {
    await recordRefusal(user, meta, "partnership.oversight", { type: "partnership", id: query.partnership });
    return fail.notFound("Partnership not found");
  }
  if (!chosen) return { ok: true, oversight: null };

  const period = oversightPeriod(query.period);
  const firstDay = oversightPeriodFirstDay(now, period);
  const from = ukDayStart(firstDay);
  const to = now;
  const hours = Object.fromEntries(chosen.responseTimes.map((t) => [t.priority, t.workingHours]));
  const [byAgency, escalations, overdue] = await Promise.all([
    figuresByAgency(chosen.id, firstDay, from, now),
    escalationFigures(chosen.id, firstDay),
    overdueRequests(chosen.id, now),
  ]);
  return {
    ok: true,
    oversight: {
      partnership: { id: chosen.id, name: chosen.name },
      partnerships: overseen.map((p) => ({ id: p.id, name: p.name })),
      period,
      from,
      to,
      byAgency: byAgency.map((row) => ({ ...row, targetHours: responseHours(row.priority, hours) })),
      escalations,
      overdue,
    },
  };
}

function resourceOf(p: {
  id: string;
  members: { organisationId: string }[];
  leadPartners: { userId: string }[];
}): PartnershipResource {
  return {
    partnershipId: p.id,
    memberOrganisationIds: p.members.map((m) => m.organisationId),
    leadPartnerIds: p.leadPartners.map((l) => l.userId),
  };
}

/** request_figures_daily's band columns, summed into two arrays: answers and their milliseconds, by band. */
const bandColumns = (suffix: "answers" | "answer_ms") =>
  Array.from({ length: ANSWER_TIME_BANDS }, (_, i) => `sum(f.band_${String(i).padStart(2, "0")}_${suffix})`);
const BAND_SUMS = Prisma.raw(
  `ARRAY[${bandColumns("answers").join(", ")}]::int[] AS band_answers,\n` +
    `ARRAY[${bandColumns("answer_ms").join(", ")}]::float8[] AS band_answer_ms`,
);

async function figuresByAgency(
  partnershipId: string,
  firstDay: string,
  from: Date,
  now: Date,
): Promise<Omit<AgencyPriorityFigures, "targetHours">[]> {
  // The period's days of figures (one row per day, agency and priority), and, live, how many of the
  // period's requests are still open past their due time: that count reads the index alone.
  const [rows, overdue] = await Promise.all([
    db().$queryRaw<
      {
        organisation_id: string;
        organisation: string;
        priority: Priority;
        received: number;
        answered: number;
        on_time: number;
        refused: number;
        band_answers: number[];
        band_answer_ms: number[];
      }[]
    >`
      SELECT f.organisation_id::text, o.name AS organisation, f.priority::text AS priority, f.received, f.answered,
             f.on_time, f.refused, f.band_answers, f.band_answer_ms
        FROM (SELECT f.responding_organisation_id AS organisation_id, f.priority,
                     sum(f.received)::int AS received, sum(f.answered)::int AS answered,
                     sum(f.answered_on_time)::int AS on_time, sum(f.refused)::int AS refused,
                     ${BAND_SUMS}
                FROM request_figures_daily f
               WHERE f.partnership_id = ${partnershipId}::uuid AND f.day >= ${firstDay}::date
               GROUP BY f.responding_organisation_id, f.priority
              HAVING sum(f.received) > 0) f
        JOIN organisation o ON o.id = f.organisation_id
       ORDER BY o.name, f.priority`,
    db().$queryRaw<{ organisation_id: string; priority: Priority; count: number }[]>`
      SELECT r.responding_organisation_id::text AS organisation_id, r.priority::text AS priority,
             count(*)::int AS count
        FROM information_request r
       WHERE r.partnership_id = ${partnershipId}::uuid
         AND r.status IN (${Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"InformationRequestStatus"`))})
         AND r.due_at < ${now} AND r.received_at >= ${from}
       GROUP BY r.responding_organisation_id, r.priority`,
  ]);
  const overdueOf = new Map(overdue.map((o) => [`${o.organisation_id}/${o.priority}`, o.count]));
  return rows.map((r) => ({
    organisation: r.organisation,
    priority: r.priority,
    received: r.received,
    answered: r.answered,
    answeredOnTime: r.on_time,
    open: r.received - r.answered,
    openOverdue: overdueOf.get(`${r.organisation_id}/${r.priority}`) ?? 0,
    refused: r.refused,
    medianHoursToAnswer: estimatedMedianHours(
      r.band_answers.map((answers, i) => ({ answers, totalMilliseconds: r.band_answer_ms[i]! })),
    ),
  }));
}

/** By reason, then waiting (null) before the outcomes, as the page lists them. */
async function escalationFigures(partnershipId: string, firstDay: string): Promise<EscalationFigures[]> {
  const rows = await db().$queryRaw<{ reason: EscalationReason; raised: number; upheld: number; asked: number }[]>`
    SELECT f.reason::text AS reason, sum(f.raised)::int AS raised, sum(f.upheld)::int AS upheld,
           sum(f.asked_to_share)::int AS asked
      FROM request_escalation_figures_daily f
     WHERE f.partnership_id = ${partnershipId}::uuid AND f.day >= ${firstDay}::date
     GROUP BY f.reason`;
  return ESCALATION_REASONS.flatMap((reason) => {
    const row = rows.find((r) => r.reason === reason);
    if (!row) return [];
    const decided: Record<EscalationOutcome, number> = { UPHOLD: row.upheld, ASK_TO_SHARE: row.asked };
    const counts: [EscalationOutcome | null, number][] = [
      [null, row.raised - row.upheld - row.asked],
      ...ESCALATION_OUTCOMES.map((outcome): [EscalationOutcome, number] => [outcome, decided[outcome]]),
    ];
    return counts.filter(([, count]) => count > 0).map(([outcome, count]) => ({ reason, outcome, count }));
  });
}

/**
 * The most overdue open requests, from each open status's stretch of the (partnership, status, due_at)
 * index in due order, merged: one stretch for both statuses would need every overdue request sorted.
 */
async function overdueRequests(partnershipId: string, now: Date): Promise<OverdueRequestRow[]> {
  const rows = await db().$queryRaw<
    {
      reference: string;
      requesting_organisation: string;
      responding_organisation: string;
      priority: Priority;
      due_at: Date;
    }[]
  >`
    SELECT r.reference, ro.name AS requesting_organisation, po.name AS responding_organisation,
           r.priority::text AS priority, r.due_at
      FROM (${Prisma.join(
        OPEN_STATUSES.map(
          (status) => Prisma.sql`(SELECT r.* FROM information_request r
                                   WHERE r.partnership_id = ${partnershipId}::uuid
                                     AND r.status = ${status}::"InformationRequestStatus" AND r.due_at < ${now}
                                   ORDER BY r.due_at, r.id LIMIT ${OVERDUE_LIST_SIZE})`,
        ),
        " UNION ALL ",
      )}) r
      JOIN organisation ro ON ro.id = r.requesting_organisation_id
      JOIN organisation po ON po.id = r.responding_organisation_id
     ORDER BY r.due_at, r.id
     LIMIT ${OVERDUE_LIST_SIZE}`;
  return rows.map((r) => ({
    reference: r.reference,
    requestingOrganisation: r.requesting_organisation,
    respondingOrganisation: r.responding_organisation,
    priority: r.priority,
    dueAt: r.due_at,
  }));
}
