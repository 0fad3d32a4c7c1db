import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { type EscalationReason, decideEscalationInputSchema } from "@/domain/requests";
import { db } from "@/server/infra/db";
import { notify } from "../notifications/notify";
import { contactTeamMemberIds } from "./contact-team";
import { auditRequestStep, recordRequestEvent } from "./request-audit";
import { withRequestInput } from "./request-step";

export type DecideEscalationResult = UseCaseResult<{ reference: string }>;

export const NOTHING_TO_DECIDE = "The lead partners have already decided on this request";

/**
 * A lead safeguarding partner decides an escalated request (decision 030): the responding
 * organisation's position is upheld, or it is asked to share, with reasons. The decision is kept
 * (append-only, one per escalation: of two lead partners deciding at once, one wins), recorded in the
 * request's history and both organisations' logs, and returned to both sides: the requester and the
 * contact team are told in the app and by email, and read it on the request's page.
 */
export const decideEscalation = withRequestInput(
  "request.decide-escalation",
  decideEscalationInputSchema,
  async (user, request, input, meta, now: Date = new Date()): Promise<DecideEscalationResult> => {
    return db().$transaction(async (tx): Promise<DecideEscalationResult> => {
      // Two lead partners deciding at once queue on the request's row; the second then finds nothing
      // open (each statement reads what is committed) and is told so.
      await tx.$queryRaw`SELECT 1 FROM information_request WHERE id = ${request.id}::uuid FOR UPDATE`;
      // Every open escalation of the request is decided together: the lead partners look at it whole.
      const open = await tx.$queryRaw<{ id: string; reason: EscalationReason }[]>`
        SELECT e.id::text, e.reason::text AS reason
          FROM request_escalation e
         WHERE e.request_id = ${request.id}::uuid
           AND NOT EXISTS (SELECT 1 FROM request_escalation_decision d WHERE d.escalation_id = e.id)
         ORDER BY e.raised_at, e.id`;
      if (open.length === 0) return fail.conflict(NOTHING_TO_DECIDE);
      const written = await tx.requestEscalationDecision.createMany({
        data: open.map((escalation) => ({
          escalationId: escalation.id,
          outcome: input.outcome,
          reasons: input.reasons,
          decidedById: user.userId,
          decidedAt: now,
        })),
        skipDuplicates: true,
      });
      if (written.count === 0) return fail.conflict(NOTHING_TO_DECIDE);
      await recordRequestEvent(tx, user, request.id, "ESCALATION_DECIDED", { outcome: input.outcome });
      await notify(tx, {
        recipientIds: [request.requesterId, ...(await contactTeamMemberIds(tx, request.contactTeamId))],
        kind: "REQUEST_ESCALATION_DECIDED",
      });
      await auditRequestStep(tx, user, meta, request, "request.decide-escalation", ["requesting", "responding"], {
        outcome: input.outcome,
        reasons: open.map((e) => e.reason).join(","),
      });
      return { ok: true, reference: request.reference };
    });
  },
);
