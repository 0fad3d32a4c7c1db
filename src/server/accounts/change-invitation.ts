import "server-only";
import { INVITATION_DAYS, hoursFrom, newOneTimeToken } from "@/domain/accounts/one-time-token";
import { type UseCaseResult, fail } from "@/domain/errors";
import { invitationIdSchema } from "@/schemas/accounts";
import type { SignedInUser } from "@/server/auth/current-actor";
import { appendAuditEvent, auditEntry } from "@/server/audit/append-audit-event";
import { recordRefusal } from "@/server/auth/refusal";
import { fieldErrorsFrom } from "@/server/field-errors";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { queueEmail } from "@/server/mail/email-outbox";
import { INVITATION_PATH } from "./account-links";
import { invitationStatus } from "./invitations";

export type ChangeInvitationResult = UseCaseResult<{ email: string; change: "resend" | "revoke" }>;

/**
 * Resend (a new token and 7 more days: the old link stops working) or revoke an invitation not yet
 * accepted (decision 019). Both audited. Another organisation's invitation is "not found", and
 * the attempt a refusal in the audit log.
 */
export async function changeInvitation(
  admin: SignedInUser,
  change: "resend" | "revoke",
  raw: unknown,
  meta: RequestMeta,
): Promise<ChangeInvitationResult> {
  const parsed = invitationIdSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const { invitationId } = parsed.data;
  const result = await db().$transaction(async (tx): Promise<ChangeInvitationResult | "elsewhere"> => {
    const rows = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM invitation WHERE id = ${invitationId}::uuid FOR UPDATE`;
    if (rows.length === 0) return fail.notFound("Invitation not found");
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: invitationId } });
    if (invitation.organisationId !== admin.organisationId) return "elsewhere";
    const status = invitationStatus(invitation);
    if (status === "accepted") return fail.conflict("This invitation has already been accepted");
    if (status === "revoked") return fail.conflict("This invitation has already been revoked");
    if (change === "resend") {
      const { token, tokenHash } = newOneTimeToken();
      await tx.invitation.update({
        where: { id: invitation.id },
        data: { tokenHash, expiresAt: hoursFrom(new Date(), INVITATION_DAYS * 24) },
      });
      await queueEmail(tx, { template: "INVITATION", to: invitation.email, linkPath: `${INVITATION_PATH}${token}` });
    } else {
      await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    }
    await appendAuditEvent(
      tx,
      auditEntry(admin, meta, {
        action: change === "resend" ? "invitation.resend" : "invitation.revoke",
        objectType: "invitation",
        objectId: invitation.id,
        outcome: "SUCCESS",
        detail: { email: invitation.email, statusBefore: status },
      }),
    );
    return { ok: true, email: invitation.email, change };
  });
  if (result !== "elsewhere") return result;
  await recordRefusal(admin, meta, "users.invite", { type: "invitation", id: invitationId }, "other-organisation");
  return fail.notFound("Invitation not found");
}
