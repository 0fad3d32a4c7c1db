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

/** A person row (with their team) as the people pages show it. */
export function personSummaryOf(user: {
  id: string;
  name: string;
  email: string;
  role: string;
  teamId: string | null;
  disabledAt: Date | null;
  team: { name: string } | null;
}): PersonSummary {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role as Role,
    teamId: user.teamId,
    teamName: user.team?.name ?? null,
    active: user.disabledAt === null,
  };
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
    people: users.slice(0, PEOPLE_PAGE_LIMIT).map(personSummaryOf),
    more: users.length > PEOPLE_PAGE_LIMIT,
  };
}
