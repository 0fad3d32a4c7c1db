import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { escalationInputSchema } from "@/domain/review";
import { appendAuditEvent, decisionAuditEntry } from "../audit/append-audit-event";
import { withDecisionInput } from "../decisions/load-decision-for-action";
import { notify, organisationIgLeadIds, teamSupervisorIds } from "../notifications/notify";

export type RaiseEscalationResult = UseCaseResult<{ escalationId: string }>;

/**
 * Raises a dispute about a decision at pace (Berkshire multi-agency information sharing protocol,
 * s.6.4): the team's supervisors, the organisation's IG leads and the practitioner are told. One
 * open escalation per decision.
 */
export const raiseEscalation = withDecisionInput(
  "decision.escalate",
  escalationInputSchema,
  async (user, decision, input, meta, tx): Promise<RaiseEscalationResult> => {
    const open = await tx.escalation.findFirst({
      where: { decisionId: decision.id, status: "OPEN" },
      select: { id: true },
    });
    if (open) return fail.conflict("This decision already has an open escalation", "reason");
    const escalation = await tx.escalation.create({
      data: {
        decisionId: decision.id,
        organisationId: decision.organisationId,
        teamId: decision.teamId,
        raisedById: user.userId,
        reason: input.reason,
      },
      select: { id: true },
    });
    const recipients = [
      ...(await teamSupervisorIds(tx, decision.teamId, [user.userId])),
      ...(await organisationIgLeadIds(tx, decision.organisationId, [user.userId])),
      ...(decision.authorId !== user.userId ? [decision.authorId] : []),
    ];
    await notify(tx, {
      recipientIds: recipients,
      kind: "ESCALATION_RAISED",
      decisionReference: decision.reference,
      escalationId: escalation.id,
    });
    await appendAuditEvent(
      tx,
      decisionAuditEntry(user, meta, "escalation.raise", decision, { escalationId: escalation.id }),
    );
    return { ok: true, escalationId: escalation.id };
  },
);
