import "server-only";
import type { SignedInUser } from "@/server/auth/current-actor";
import { recordRefusal } from "@/server/auth/refusal";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { type PersonSummary, personSummaryOf } from "./list-people";

export interface PersonDetail extends PersonSummary {
  jobTitle: string | null;
  teamArchived: boolean;
  deactivatedAt: Date | null;
  createdAt: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One person in the admin's organisation, or null (another organisation's is audited as a refusal). */
export async function getPerson(admin: SignedInUser, userId: string, meta: RequestMeta): Promise<PersonDetail | null> {
  if (!UUID.test(userId)) return null;
  const user = await db().user.findUnique({
    where: { id: userId },
    include: { team: true },
  });
  if (!user) return null;
  if (user.organisationId !== admin.organisationId) {
    await recordRefusal(admin, meta, "users.manage", { type: "user", id: userId }, "other-organisation");
    return null;
  }
  return {
    ...personSummaryOf(user),
    jobTitle: user.jobTitle,
    teamArchived: user.team?.archivedAt != null,
    deactivatedAt: user.disabledAt,
    createdAt: user.createdAt,
  };
}
