import "server-only";
import type { Actor, PartnershipResource } from "@/domain/policy";
import { db } from "@/server/infra/db";

/**
 * The partnerships a person is party to (their organisation is a member, or they are a lead
 * partner), as the partnership policy reads them: the navigation asks it which to link to.
 */
export async function partnershipsOf(actor: Actor): Promise<PartnershipResource[]> {
  const rows = await db().partnership.findMany({
    where: {
      OR: [
        { leadPartners: { some: { userId: actor.userId } } },
        { members: { some: { organisationId: actor.organisationId } } },
      ],
    },
    select: { id: true, members: { select: { organisationId: true } }, leadPartners: { select: { userId: true } } },
  });
  return rows.map((p) => ({
    partnershipId: p.id,
    memberOrganisationIds: p.members.map((m) => m.organisationId),
    leadPartnerIds: p.leadPartners.map((l) => l.userId),
  }));
}
