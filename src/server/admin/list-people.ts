import "server-only";
import type { Role } from "@/domain/policy";
import type { Prisma } from "@/generated/prisma/client";
import { NO_TEAM, type PeopleFilter } from "@/schemas/administration";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";

export interface PersonSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  active: boolean;
}

/** At most this many people on one page: a search narrows a larger organisation. */
export const PEOPLE_PAGE_LIMIT = 200;

/** The organisation's people, filtered by a search of name and email, role, team and status. */
export async function listPeople(
  admin: Pick<SignedInUser, "organisationId">,
  filter: PeopleFilter,
): Promise<{ people: PersonSummary[]; more: boolean }> {
  const where: Prisma.UserWhereInput = { organisationId: admin.organisationId };
  if (filter.q) {
    where.OR = [
      { name: { contains: filter.q, mode: "insensitive" } },
      { email: { contains: filter.q, mode: "insensitive" } },
    ];
  }
  if (filter.role) where.role = filter.role;
  if (filter.team) where.teamId = filter.team === NO_TEAM ? null : filter.team;
  if (filter.status) where.disabledAt = filter.status === "active" ? null : { not: null };
  const users = await db().user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PEOPLE_PAGE_LIMIT + 1,
    select: { id: true, name: true, email: true, role: true, teamId: true, disabledAt: true, team: true },
  });
  return {
    people: users.slice(0, PEOPLE_PAGE_LIMIT).map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role as Role,
      teamId: u.teamId,
      teamName: u.team?.name ?? null,
      active: u.disabledAt === null,
    })),
    more: users.length > PEOPLE_PAGE_LIMIT,
  };
}
