import "server-only";
import type { SignedInUser } from "@/server/auth/current-actor";
import { recordRefusal } from "@/server/auth/refusal";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import type { TeamSummary } from "./list-teams";

export interface TeamDetail extends TeamSummary {
  members: { id: string; name: string; active: boolean }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One of the admin's teams with its members, or null (another organisation's is audited as a refusal). */
export async function getTeam(admin: SignedInUser, teamId: string, meta: RequestMeta): Promise<TeamDetail | null> {
  if (!UUID.test(teamId)) return null;
  const team = await db().team.findUnique({
    where: { id: teamId },
    include: { users: { orderBy: { name: "asc" }, select: { id: true, name: true, disabledAt: true } } },
  });
  if (!team) return null;
  if (team.organisationId !== admin.organisationId) {
    await recordRefusal(admin, meta, "teams.manage", { type: "team", id: teamId }, "other-organisation");
    return null;
  }
  const members = team.users.map((u) => ({ id: u.id, name: u.name, active: u.disabledAt === null }));
  return {
    id: team.id,
    name: team.name,
    archived: team.archivedAt !== null,
    activeMembers: members.filter((m) => m.active).length,
    members,
  };
}
