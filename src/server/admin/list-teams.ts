import "server-only";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";

export interface TeamSummary {
  id: string;
  name: string;
  archived: boolean;
  activeMembers: number;
}

/** The organisation's teams, active ones first, each with how many active people it has. */
export async function listTeams(admin: Pick<SignedInUser, "organisationId">): Promise<TeamSummary[]> {
  const teams = await db().team.findMany({
    where: { organisationId: admin.organisationId },
    orderBy: [{ nameKey: "asc" }],
    select: {
      id: true,
      name: true,
      archivedAt: true,
      _count: { select: { users: { where: { disabledAt: null } } } },
    },
  });
  return teams
    .map((team) => ({
      id: team.id,
      name: team.name,
      archived: team.archivedAt !== null,
      activeMembers: team._count.users,
    }))
    .sort((a, b) => Number(a.archived) - Number(b.archived));
}
