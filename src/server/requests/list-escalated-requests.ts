import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { can } from "@/domain/policy";
import type { EscalationOutcome, EscalationReason, Priority } from "@/domain/requests";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { keysetPage, pagedListQuerySchema, parseCursor } from "./keyset-page";
import { REQUEST_RESOURCE_COLUMNS, type RequestResourceRow, requestResourceOf } from "./request-resource-row";

export const ESCALATIONS_PAGE_SIZE = 25;

export interface EscalatedRow {
  reference: string;
  requestingOrganisation: string;
  respondingOrganisation: string;
  priority: Priority;
  reason: EscalationReason;
  raisedAt: Date;
  outcome: EscalationOutcome | null;
}

export type ListEscalatedRequestsResult = UseCaseResult<{
  /** The partnerships the user is a lead partner of (none: the page says so). */
  partnerships: string[];
  rows: EscalatedRow[];
  next: string | null;
}>;

/**
 * The lead partners' list (decision 030): the escalations of the partnerships the user is a lead
 * partner of, newest first, keyset-paged on (raised_at, id) along request_escalation's index on
 * (partnership, raised_at, id); "waiting for a decision" by default. Only escalated requests, and not
 * those the user is a party to (they are not its judge): the same rule as the policy, in SQL so that
 * pages stay full, and the policy asked again for each row.
 */
export async function listEscalatedRequests(
  user: SignedInUser,
  raw: Record<string, unknown>,
): Promise<ListEscalatedRequestsResult> {
  const query = pagedListQuerySchema.safeParse(raw);
  if (!query.success) return fail.invalid([{ field: "show", message: "Choose which escalations to show" }]);
  const appointments = await db().leadSafeguardingPartner.findMany({
    where: { userId: user.userId },
    select: {
      partnership: {
        select: {
          id: true,
          name: true,
          members: { select: { organisationId: true } },
          leadPartners: { select: { userId: true } },
        },
      },
    },
  });
  const partnerships = appointments
    .map((a) => a.partnership)
    .filter((p) =>
      can(user, "partnership.escalations", {
        partnershipId: p.id,
        memberOrganisationIds: p.members.map((m) => m.organisationId),
        leadPartnerIds: p.leadPartners.map((l) => l.userId),
      }),
    );
  if (partnerships.length === 0) return { ok: true, partnerships: [], rows: [], next: null };
  const cursor = parseCursor(query.data.after);
  const rows = await db().$queryRaw<
    (RequestResourceRow & {
      id: string;
      reference: string;
      requesting_organisation: string;
      responding_organisation: string;
      priority: Priority;
      reason: EscalationReason;
      raised_at: Date;
      outcome: EscalationOutcome | null;
    })[]
  >`
    SELECT e.id::text, r.reference, ${REQUEST_RESOURCE_COLUMNS},
           ro.name AS requesting_organisation, po.name AS responding_organisation,
           r.priority::text AS priority, e.reason::text AS reason, e.raised_at, d.outcome::text AS outcome
      FROM request_escalation e
      JOIN information_request r ON r.id = e.request_id
      JOIN organisation ro ON ro.id = r.requesting_organisation_id
      JOIN organisation po ON po.id = r.responding_organisation_id
      LEFT JOIN request_escalation_decision d ON d.escalation_id = e.id
     WHERE e.partnership_id IN (${Prisma.join(partnerships.map((p) => Prisma.sql`${p.id}::uuid`))})
       AND r.requester_id <> ${user.userId}::uuid
       ${user.teamId ? notInTheirTeams(user.organisationId, user.teamId) : Prisma.empty}
       ${query.data.show === "open" ? Prisma.sql`AND d.escalation_id IS NULL` : Prisma.empty}
       ${cursor ? Prisma.sql`AND (e.raised_at, e.id) < (${cursor.at}, ${cursor.id}::uuid)` : Prisma.empty}
     ORDER BY e.raised_at DESC, e.id DESC
     LIMIT ${ESCALATIONS_PAGE_SIZE + 1}`;
  const leadsOf = new Map(partnerships.map((p) => [p.id, p.leadPartners.map((l) => l.userId)]));
  const { page, next } = keysetPage(rows, ESCALATIONS_PAGE_SIZE, (r) => r.raised_at);
  return {
    ok: true,
    partnerships: partnerships.map((p) => p.name),
    rows: page
      .filter((r) =>
        can(user, "request.view-escalated", {
          ...requestResourceOf(r),
          leadPartnerIds: leadsOf.get(r.partnership_id) ?? [],
          escalated: true,
        }),
      )
      .map((r) => ({
        reference: r.reference,
        requestingOrganisation: r.requesting_organisation,
        respondingOrganisation: r.responding_organisation,
        priority: r.priority,
        reason: r.reason,
        raisedAt: r.raised_at,
        outcome: r.outcome,
      })),
    next,
  };
}

/** Not a request the user's own team asked or answered (the policy's requesting-team and contact-team). */
function notInTheirTeams(organisationId: string, teamId: string): Prisma.Sql {
  return Prisma.sql`
       AND NOT (r.requesting_organisation_id = ${organisationId}::uuid AND r.requesting_team_id IS NOT NULL
                AND r.requesting_team_id = ${teamId}::uuid)
       AND NOT (r.responding_organisation_id = ${organisationId}::uuid AND r.contact_team_id = ${teamId}::uuid)`;
}
