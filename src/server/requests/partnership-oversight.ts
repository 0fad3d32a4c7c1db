import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { type PartnershipResource, can } from "@/domain/policy";
import {
  type AgencyPriorityFigures,
  type EscalationFigures,
  type EscalationOutcome,
  type EscalationReason,
  OPEN_STATUSES,
  type OversightPeriod,
  type Priority,
  oversightPeriod,
  responseHours,
} from "@/domain/requests";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

const DAY = 86_400_000;
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
  from: Date;
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
 * only, no child: aggregate queries along information_request's indexes on (partnership, received_at)
 * and (partnership, status, due_at), and request_escalation's on (partnership, raised_at, id).
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
  const to = now;
  const from = new Date(now.getTime() - period * DAY);
  const hours = Object.fromEntries(chosen.responseTimes.map((t) => [t.priority, t.workingHours]));
  const [byAgency, escalations, overdue] = await Promise.all([
    figuresByAgency(chosen.id, from, to),
    escalationFigures(chosen.id, from, to),
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

async function figuresByAgency(
  partnershipId: string,
  from: Date,
  to: Date,
): Promise<Omit<AgencyPriorityFigures, "targetHours">[]> {
  const rows = await db().$queryRaw<
    {
      organisation: string;
      priority: Priority;
      received: number;
      answered: number;
      on_time: number;
      open: number;
      open_overdue: number;
      refused: number;
      median_seconds: number | null;
    }[]
  >`
    SELECT o.name AS organisation, r.priority::text AS priority,
           count(*)::int AS received,
           count(a.request_id)::int AS answered,
           count(*) FILTER (WHERE a.answered_at <= r.due_at)::int AS on_time,
           count(*) FILTER (WHERE a.request_id IS NULL)::int AS open,
           count(*) FILTER (WHERE a.request_id IS NULL AND r.due_at < ${to})::int AS open_overdue,
           count(*) FILTER (WHERE a.kind = 'NO_SHARE')::int AS refused,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.answered_at - r.received_at))::float8
             AS median_seconds
      FROM information_request r
      JOIN organisation o ON o.id = r.responding_organisation_id
      LEFT JOIN information_request_answer a ON a.request_id = r.id
     WHERE r.partnership_id = ${partnershipId}::uuid AND r.received_at >= ${from} AND r.received_at < ${to}
     GROUP BY o.name, r.priority
     ORDER BY o.name, r.priority`;
  return rows.map((r) => ({
    organisation: r.organisation,
    priority: r.priority,
    received: r.received,
    answered: r.answered,
    answeredOnTime: r.on_time,
    open: r.open,
    openOverdue: r.open_overdue,
    refused: r.refused,
    medianHoursToAnswer: r.median_seconds === null ? null : r.median_seconds / 3600,
  }));
}

async function escalationFigures(partnershipId: string, from: Date, to: Date): Promise<EscalationFigures[]> {
  const rows = await db().$queryRaw<{ reason: EscalationReason; outcome: EscalationOutcome | null; count: number }[]>`
    SELECT e.reason::text AS reason, d.outcome::text AS outcome, count(*)::int AS count
      FROM request_escalation e
      LEFT JOIN request_escalation_decision d ON d.escalation_id = e.id
     WHERE e.partnership_id = ${partnershipId}::uuid AND e.raised_at >= ${from} AND e.raised_at < ${to}
     GROUP BY e.reason, d.outcome
     ORDER BY e.reason, d.outcome NULLS FIRST`;
  return rows;
}

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
      FROM information_request r
      JOIN organisation ro ON ro.id = r.requesting_organisation_id
      JOIN organisation po ON po.id = r.responding_organisation_id
     WHERE r.partnership_id = ${partnershipId}::uuid
       AND r.status IN (${Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"InformationRequestStatus"`))})
       AND r.due_at < ${now}
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
