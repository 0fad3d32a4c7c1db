import "server-only";
import { z } from "zod";
import { type UseCaseResult, fail } from "@/domain/errors";
import { can } from "@/domain/policy";
import type { EscalationOutcome, EscalationReason, Priority } from "@/domain/requests";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";

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

const querySchema = z.object({
  show: z.enum(["open", "all"]).catch("open"),
  after: z.string().max(100).optional(),
});

function parseCursor(after: string | undefined): { raisedAt: Date; id: string } | null {
  if (!after) return null;
  const [at, id] = after.split("_");
  const raisedAt = new Date(at ?? "");
  if (Number.isNaN(raisedAt.getTime()) || !z.uuid().safeParse(id).success) return null;
  return { raisedAt, id: id! };
}

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
  const query = querySchema.safeParse(raw);
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
    {
      id: string;
      reference: string;
      partnership_id: string;
      requesting_organisation_id: string;
      requesting_team_id: string | null;
      requester_id: string;
      responding_organisation_id: string;
      contact_team_id: string;
      requesting_organisation: string;
      responding_organisation: string;
      priority: Priority;
      reason: EscalationReason;
      raised_at: Date;
      outcome: EscalationOutcome | null;
    }[]
  >`
    SELECT e.id::text, r.reference, r.partnership_id::text, r.requesting_organisation_id::text,
           r.requesting_team_id::text, r.requester_id::text, r.responding_organisation_id::text,
           r.contact_team_id::text, ro.name AS requesting_organisation, po.name AS responding_organisation,
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
       ${cursor ? Prisma.sql`AND (e.raised_at, e.id) < (${cursor.raisedAt}, ${cursor.id}::uuid)` : Prisma.empty}
     ORDER BY e.raised_at DESC, e.id DESC
     LIMIT ${ESCALATIONS_PAGE_SIZE + 1}`;
  const leadsOf = new Map(partnerships.map((p) => [p.id, p.leadPartners.map((l) => l.userId)]));
  const page = rows.slice(0, ESCALATIONS_PAGE_SIZE);
  const last = page.at(-1);
  return {
    ok: true,
    partnerships: partnerships.map((p) => p.name),
    rows: page
      .filter((r) =>
        can(user, "request.view-escalated", {
          requestingOrganisationId: r.requesting_organisation_id,
          requestingTeamId: r.requesting_team_id,
          requesterId: r.requester_id,
          respondingOrganisationId: r.responding_organisation_id,
          contactTeamId: r.contact_team_id,
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
    next: rows.length > ESCALATIONS_PAGE_SIZE && last ? `${last.raised_at.toISOString()}_${last.id}` : null,
  };
}

/** Not a request the user's own team asked or answered (the policy's requesting-team and contact-team). */
function notInTheirTeams(organisationId: string, teamId: string): Prisma.Sql {
  return Prisma.sql`
       AND NOT (r.requesting_organisation_id = ${organisationId}::uuid AND r.requesting_team_id IS NOT NULL
                AND r.requesting_team_id = ${teamId}::uuid)
       AND NOT (r.responding_organisation_id = ${organisationId}::uuid AND r.contact_team_id = ${teamId}::uuid)`;
}
