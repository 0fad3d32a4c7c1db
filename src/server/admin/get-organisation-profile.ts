import "server-only";
import type { OrganisationKind } from "@/domain/lawful-basis";
import type { SignedInUser } from "@/server/auth/current-actor";
import { db } from "@/server/infra/db";

export interface OrganisationProfile {
  name: string;
  kind: OrganisationKind;
}

export async function getOrganisationProfile(
  admin: Pick<SignedInUser, "organisationId">,
): Promise<OrganisationProfile> {
  const organisation = await db().organisation.findUniqueOrThrow({
    where: { id: admin.organisationId },
    select: { name: true, kind: true },
  });
  return organisation;
}
