import "server-only";
import { INVITATION_DAYS, hoursFrom, newOneTimeToken } from "@/domain/accounts/one-time-token";
import type { Role } from "@/domain/policy";
import type { SignedInUser } from "@/server/auth/current-actor";
import { actorOf, appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { type Tx, db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { queueEmail } from "@/server/mail/email-outbox";
import { INVITATION_PATH } from "./account-links";

// What inviting one person and importing many share (decision 019).

export interface NewInvitation {
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
}

/** The organisation's teams, for the invitation form and the CSV import (wt-admin adds archiving). */
export async function organisationTeams(organisationId: string): Promise<{ id: string; name: string }[]> {
  return db().team.findMany({ where: { organisationId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Whether an address already has an account (in any organisation) or a pending invitation. */
export async function emailIsTaken(tx: Tx, email: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (user) return true;
  const pending = await tx.invitation.findFirst({
    where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return pending !== null;
}

/** Inserts the invitation, queues its email and appends its audit event, in the caller's transaction. */
export async function createInvitation(
  tx: Tx,
  admin: SignedInUser,
  meta: RequestMeta,
  invitation: NewInvitation,
  via: "form" | "csv",
): Promise<string> {
  const { token, tokenHash } = newOneTimeToken();
  const created = await tx.invitation.create({
    data: {
      organisationId: admin.organisationId,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      teamId: invitation.teamId,
      invitedById: admin.userId,
      tokenHash,
      expiresAt: hoursFrom(new Date(), INVITATION_DAYS * 24),
    },
    select: { id: true },
  });
  await queueEmail(tx, { template: "INVITATION", to: invitation.email, linkPath: `${INVITATION_PATH}${token}` });
  await appendAuditEvent(
    tx,
    auditEntry(admin, meta, {
      action: "invitation.create",
      objectType: "invitation",
      objectId: created.id,
      outcome: "SUCCESS",
      detail: { email: invitation.email, role: invitation.role, teamId: invitation.teamId, via },
    }),
  );
  return created.id;
}

/**
 * Marks an invitation accepted by the account made from it and audits `invitation.accept` by that
 * account, in the caller's transaction: from the emailed link, or (`via: "sso"`) by single sign-on.
 */
export async function markInvitationAccepted(
  tx: Tx,
  invitationId: string,
  user: { id: string; role: Role; organisationId: string; teamId: string | null },
  meta: RequestMeta,
  via?: "sso",
): Promise<void> {
  await tx.invitation.update({
    where: { id: invitationId },
    data: { acceptedAt: new Date(), acceptedUserId: user.id },
  });
  await appendAuditEvent(
    tx,
    auditEntry(actorOf(user), meta, {
      action: "invitation.accept",
      objectType: "invitation",
      objectId: invitationId,
      outcome: "SUCCESS",
      detail: { userId: user.id, role: user.role, teamId: user.teamId, ...(via ? { via } : {}) },
    }),
  );
}

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export function invitationStatus(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}
