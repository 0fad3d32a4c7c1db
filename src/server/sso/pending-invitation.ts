import "server-only";
import type { Role } from "@/domain/policy";
import { markInvitationAccepted } from "@/server/accounts/invitations";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";

export interface PendingInvitation {
  id: string;
  name: string;
  role: Role;
  teamId: string | null;
}

/**
 * An invited person has no account until they accept (decision 019), yet may sign in through their
 * organisation's provider first (decision 022): the invitation is then accepted by that sign-on.
 * Only a pending invitation counts: to this email, from this organisation, not accepted, revoked
 * or expired. Emails are stored lower-case, as the provider's is compared.
 */
const pendingWhere = (organisationId: string, email: string) => ({
  organisationId,
  email,
  acceptedAt: null,
  revokedAt: null,
  expiresAt: { gt: new Date() },
});

/** Whether an open invitation exists, without taking it: decides join-or-refuse before the write. */
export async function hasPendingInvitation(organisationId: string, email: string): Promise<boolean> {
  const found = await db().invitation.findFirst({ where: pendingWhere(organisationId, email), select: { id: true } });
  return found !== null;
}

/**
 * The open invitation for this email in this organisation, locked in `tx` and checked again (it may
 * have been revoked, resent or accepted since `hasPendingInvitation`), or null. The newest wins if
 * there were ever two.
 */
export async function takePendingInvitation(
  tx: Tx,
  organisationId: string,
  email: string,
): Promise<PendingInvitation | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM invitation
     WHERE organisation_id = ${organisationId}::uuid AND email = ${email}
       AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
     ORDER BY created_at DESC
     LIMIT 1
       FOR UPDATE`;
  if (locked.length === 0) return null;
  const invitation = await tx.invitation.findFirst({
    where: { id: locked[0]!.id, ...pendingWhere(organisationId, email) },
    select: { id: true, name: true, role: true, teamId: true },
  });
  return invitation;
}

/**
 * Marks the invitation accepted by the account its sign-on created, and audits it as the invitation
 * link's acceptance is audited (`invitation.accept`), noting it came through single sign-on.
 */
export async function acceptInvitationBySignOn(
  tx: Tx,
  invitation: PendingInvitation,
  user: { id: string; role: Role; organisationId: string; teamId: string | null },
  meta: RequestMeta,
): Promise<void> {
  await markInvitationAccepted(tx, invitation.id, user, meta, "sso");
}
