import "server-only";
import type { RequestResource } from "@/domain/policy";
import { Prisma } from "@/generated/prisma/client";

/**
 * The columns the policy needs of a request (alias `r`), for raw queries that read many requests at
 * once (the timers, the lead partners' list); read back into a resource by requestResourceOf.
 */
export const REQUEST_RESOURCE_COLUMNS = Prisma.sql`r.partnership_id::text, r.requesting_organisation_id::text,
       r.requesting_team_id::text, r.requester_id::text, r.responding_organisation_id::text, r.contact_team_id::text`;

export interface RequestResourceRow {
  partnership_id: string;
  requesting_organisation_id: string;
  requesting_team_id: string | null;
  requester_id: string;
  responding_organisation_id: string;
  contact_team_id: string;
}

export type PartnershipRequestResource = Omit<RequestResource, "leadPartnerIds" | "escalated"> & {
  partnershipId: string;
};

export function requestResourceOf(row: RequestResourceRow): PartnershipRequestResource {
  return {
    partnershipId: row.partnership_id,
    requestingOrganisationId: row.requesting_organisation_id,
    requestingTeamId: row.requesting_team_id,
    requesterId: row.requester_id,
    respondingOrganisationId: row.responding_organisation_id,
    contactTeamId: row.contact_team_id,
  };
}
