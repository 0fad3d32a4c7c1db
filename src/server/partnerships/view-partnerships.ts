import "server-only";
import { can, type Actor } from "@/domain/policy";
import { DEFAULT_RESPONSE_HOURS, type Priority } from "@/domain/requests";
import { db } from "@/server/infra/db";
import { partnershipsOf } from "./partnership-access";

export interface PartnershipSummary {
  id: string;
  name: string;
  members: { organisationId: string; organisationName: string; contactTeamName: string }[];
  leadPartners: { name: string; jobTitle: string | null; organisationName: string }[];
  /** Working hours per priority: the partnership's own, else the default. */
  responseHours: Record<Priority, number>;
  /** Whether the reader may change the response times (else they read them). */
  canChangeResponseTimes: boolean;
}

/** A partnership's response times: its own rows over the defaults (a missing row means the default). */
export function responseHoursOf(
  rows: readonly { priority: Priority; workingHours: number }[],
): Record<Priority, number> {
  return { ...DEFAULT_RESPONSE_HOURS, ...Object.fromEntries(rows.map((row) => [row.priority, row.workingHours])) };
}

/**
 * The partnerships the reader is in, with their members' contact teams, lead partners and response
 * times (partnership.view: everyone in a member organisation; facts about the partnership, no audit).
 */
export async function viewPartnerships(actor: Actor): Promise<PartnershipSummary[]> {
  const resources = await partnershipsOf(actor);
  if (resources.length === 0) return [];
  const rows = await db().partnership.findMany({
    where: { id: { in: resources.map((resource) => resource.partnershipId) } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      responseTimes: { select: { priority: true, workingHours: true } },
      members: {
        select: {
          organisationId: true,
          organisation: { select: { name: true } },
          contactTeam: { select: { name: true } },
        },
        orderBy: { organisation: { name: "asc" } },
      },
      leadPartners: {
        select: { user: { select: { name: true, jobTitle: true, organisation: { select: { name: true } } } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  return rows.map((row) => {
    const resource = resources.find((candidate) => candidate.partnershipId === row.id);
    return {
      id: row.id,
      name: row.name,
      members: row.members.map((member) => ({
        organisationId: member.organisationId,
        organisationName: member.organisation.name,
        contactTeamName: member.contactTeam.name,
      })),
      leadPartners: row.leadPartners.map(({ user }) => ({
        name: user.name,
        jobTitle: user.jobTitle,
        organisationName: user.organisation.name,
      })),
      responseHours: responseHoursOf(row.responseTimes),
      canChangeResponseTimes: resource !== undefined && can(actor, "partnership.response-times", resource),
    };
  });
}
