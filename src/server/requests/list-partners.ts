import "server-only";
import { DEFAULT_RESPONSE_HOURS, type Priority } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";

export interface PartnershipView {
  name: string;
  partners: { organisationId: string; name: string; contactTeam: string }[];
  responseHours: Record<Priority, number>;
}

/** The partnerships the user's organisation belongs to, with the other members a request can go to. */
export async function listPartners(user: SignedInUser): Promise<PartnershipView[]> {
  const partnerships = await db().partnership.findMany({
    where: { members: { some: { organisationId: user.organisationId } } },
    orderBy: { name: "asc" },
    select: {
      name: true,
      responseTimes: { select: { priority: true, workingHours: true } },
      members: {
        where: { organisationId: { not: user.organisationId } },
        select: {
          organisationId: true,
          organisation: { select: { name: true } },
          contactTeam: { select: { name: true } },
        },
        orderBy: { organisation: { name: "asc" } },
      },
    },
  });
  return partnerships.map((p) => ({
    name: p.name,
    partners: p.members.map((m) => ({
      organisationId: m.organisationId,
      name: m.organisation.name,
      contactTeam: m.contactTeam.name,
    })),
    responseHours: {
      ...DEFAULT_RESPONSE_HOURS,
      ...Object.fromEntries(p.responseTimes.map((t) => [t.priority, t.workingHours])),
    },
  }));
}
