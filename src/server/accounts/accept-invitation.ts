import "server-only";
import { fail } from "@/domain/errors";
import { acceptInvitationSchema } from "@/schemas/accounts";
import { db } from "@/server/infra/db";
import { tokenHashOf, withPasswordFromLink } from "./account-links";
import { invitationStatus, markInvitationAccepted } from "./invitations";

const UNUSABLE =
  "This invitation link has expired, been used or been withdrawn. Ask your administrator to send a new one";

export interface InvitationForPage {
  name: string;
  email: string;
  organisationName: string;
}

/** The invitation a link's token opens, while it can still be accepted; null otherwise. */
async function pendingInvitation(token: string) {
  const tokenHash = tokenHashOf(token);
  if (!tokenHash) return null;
  const invitation = await db().invitation.findUnique({ where: { tokenHash } });
  return invitation && invitationStatus(invitation) === "pending" ? invitation : null;
}

/** The invitation a link opens, while it can still be accepted; null otherwise (the page says so). */
export async function loadInvitation(token: string): Promise<InvitationForPage | null> {
  const invitation = await pendingInvitation(token);
  if (!invitation) return null;
  const organisation = await db().organisation.findUniqueOrThrow({ where: { id: invitation.organisationId } });
  return { name: invitation.name, email: invitation.email, organisationName: organisation.name };
}

/**
 * The invited person sets a password (decision 019): their account is created with the role and
 * team the admin chose, and the link is used up, in one transaction, audited. They then sign in
 * (a second factor, once required, is enrolled from there).
 */
export const acceptInvitation = withPasswordFromLink(
  acceptInvitationSchema,
  UNUSABLE,
  pendingInvitation,
  async (tx, preview, passwordHash, meta) => {
    // Locked and checked again: a resend, revocation or second acceptance may have happened since.
    const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM invitation WHERE token_hash = ${preview.tokenHash} FOR UPDATE`;
    if (locked.length === 0) return fail.conflict(UNUSABLE);
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: locked[0]!.id } });
    if (invitationStatus(invitation) !== "pending") return fail.conflict(UNUSABLE);
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
      return fail.conflict("An account with this email address already exists. Sign in instead");
    }
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: invitation.name,
        passwordHash,
        role: invitation.role,
        organisationId: invitation.organisationId,
        teamId: invitation.teamId,
      },
    });
    await markInvitationAccepted(tx, invitation.id, user, meta);
    return { ok: true, email: user.email };
  },
);
