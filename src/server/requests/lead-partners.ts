import "server-only";
import { can } from "@/domain/policy";
import type { EscalationReason } from "@/domain/requests";
import type { Tx } from "@/server/infra/db";
import { notify } from "../notifications/notify";
import type { PartnershipRequestResource } from "./request-resource-row";

/**
 * The partnership's lead partners who may decide this escalated request: active, and not a party to
 * the dispute (a lead partner who asked, or whose team answered, is not its judge; the policy decides).
 */
export async function leadPartnersWhoMayDecide(tx: Tx, request: PartnershipRequestResource): Promise<string[]> {
  const leads = await tx.leadSafeguardingPartner.findMany({
    where: { partnershipId: request.partnershipId, user: { disabledAt: null } },
    select: { user: { select: { id: true, role: true, organisationId: true, teamId: true } } },
    orderBy: { userId: "asc" },
  });
  const escalated = { ...request, leadPartnerIds: leads.map(({ user }) => user.id), escalated: true };
  return leads
    .map(({ user }) => ({ userId: user.id, role: user.role, organisationId: user.organisationId, teamId: user.teamId }))
    .filter((actor) => can(actor, "request.decide-escalation", escalated))
    .map((actor) => actor.userId);
}

/**
 * Opens the request's escalation to the lead partners for this reason, in the caller's transaction,
 * and tells them (in the app and by email through notify_users; the email says only that there is
 * something to see). Null when the request is already escalated for this reason: one per reason.
 */
export async function openLeadPartnerEscalation(
  tx: Tx,
  request: PartnershipRequestResource & { id: string },
  reason: EscalationReason,
  raisedById: string | null,
  reasons: string | null,
  at: Date,
): Promise<{ id: string; recipients: number } | null> {
  const [opened] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO request_escalation (id, request_id, partnership_id, reason, raised_by_id, reasons, raised_at)
    VALUES (gen_random_uuid(), ${request.id}::uuid, ${request.partnershipId}::uuid,
            ${reason}::"RequestEscalationReason", ${raisedById}::uuid, ${reasons}, ${at})
    ON CONFLICT (request_id, reason) DO NOTHING
    RETURNING id::text`;
  if (!opened) return null;
  const recipients = await leadPartnersWhoMayDecide(tx, request);
  await notify(tx, { recipientIds: recipients, kind: "REQUEST_ESCALATED" });
  return { id: opened.id, recipients: recipients.length };
}
