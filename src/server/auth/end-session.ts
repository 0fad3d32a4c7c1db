import "server-only";
import type { Role } from "@/domain/policy";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { type SignOutCause, recordSignOut } from "./record-sign-out";

/**
 * A session ended from a link (timeout, revoked): the sign-out is recorded for the token's user,
 * if the token named one that exists. The session itself may no longer be valid (that is often
 * why it is ending), so the user is looked up by the token's subject alone.
 */
export async function endSession(
  tokenSubject: string | undefined,
  cause: SignOutCause,
  meta: RequestMeta,
): Promise<void> {
  if (!tokenSubject) return;
  const user = await db().user.findUnique({
    where: { id: tokenSubject },
    select: { id: true, role: true, organisationId: true, teamId: true },
  });
  if (!user) return;
  const actor = { userId: user.id, role: user.role as Role, organisationId: user.organisationId, teamId: user.teamId };
  await recordSignOut(actor, cause, meta);
}
