import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { disputeRefusalInputSchema, mayDisputeRefusal } from "@/domain/requests";
import { db } from "@/server/infra/db";
import { openLeadPartnerEscalation } from "./lead-partners";
import { auditRequestStep, recordRequestEvent } from "./request-audit";
import { withRequestInput } from "./request-step";

export type DisputeRefusalResult = UseCaseResult<{ reference: string }>;

export const NOTHING_TO_DISPUTE = "Only a refusal can be taken to the lead partners, once you have it";
export const ALREADY_DISPUTED = "This refusal is already with the lead partners";

/**
 * The requesting side disagrees with a refusal and takes it, with its reasons, to the partnership's
 * lead safeguarding partners (issue 14; partnership protocols: "at pace"). Recorded in the request's
 * history and both organisations' logs; the lead partners who may decide it are told.
 */
export const disputeRefusal = withRequestInput(
  "request.dispute-refusal",
  disputeRefusalInputSchema,
  async (user, request, input, meta, now: Date = new Date()): Promise<DisputeRefusalResult> => {
    const answer = await db().informationRequestAnswer.findUnique({
      where: { requestId: request.id },
      select: { kind: true },
    });
    if (!mayDisputeRefusal(request.status, answer?.kind ?? null)) return fail.conflict(NOTHING_TO_DISPUTE);
    return db().$transaction(async (tx): Promise<DisputeRefusalResult> => {
      const opened = await openLeadPartnerEscalation(tx, request, "REFUSAL_DISPUTED", user.userId, input.reasons, now);
      if (!opened) return fail.conflict(ALREADY_DISPUTED);
      await recordRequestEvent(tx, user, request.id, "DISPUTED");
      await auditRequestStep(tx, user, meta, request, "request.dispute-refusal", ["requesting", "responding"], {
        leadPartnersTold: String(opened.recipients),
      });
      return { ok: true, reference: request.reference };
    });
  },
);
