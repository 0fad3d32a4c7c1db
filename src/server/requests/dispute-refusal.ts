import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { disputeRefusalInputSchema, mayDisputeRefusal } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { fieldErrorsFrom } from "../field-errors";
import type { RequestMeta } from "@/server/infra/request-context";
import { openLeadPartnerEscalation } from "./lead-partners";
import { loadRequestForAction } from "./load-request-for-action";
import { auditRequestStep, recordRequestEvent } from "./request-audit";

export type DisputeRefusalResult = UseCaseResult<{ reference: string }>;

export const NOTHING_TO_DISPUTE = "Only a refusal can be taken to the lead partners, once you have it";
export const ALREADY_DISPUTED = "This refusal is already with the lead partners";

/**
 * The requesting side disagrees with a refusal and takes it, with its reasons, to the partnership's
 * lead safeguarding partners (issue 14; partnership protocols: "at pace"). Recorded in the request's
 * history and both organisations' logs; the lead partners who may decide it are told.
 */
export async function disputeRefusal(
  user: SignedInUser,
  reference: string,
  raw: unknown,
  meta: RequestMeta,
  now: Date = new Date(),
): Promise<DisputeRefusalResult> {
  const loaded = await loadRequestForAction(user, reference, "request.dispute-refusal", meta);
  if (!loaded.ok) return loaded;
  const parsed = disputeRefusalInputSchema.safeParse(raw);
  if (!parsed.success) return fail.invalid(fieldErrorsFrom(parsed.error));
  const { request } = loaded;
  const answer = await db().informationRequestAnswer.findUnique({
    where: { requestId: request.id },
    select: { kind: true },
  });
  if (!mayDisputeRefusal(request.status, answer?.kind ?? null)) return fail.conflict(NOTHING_TO_DISPUTE);
  return db().$transaction(async (tx): Promise<DisputeRefusalResult> => {
    const opened = await openLeadPartnerEscalation(
      tx,
      request,
      "REFUSAL_DISPUTED",
      user.userId,
      parsed.data.reasons,
      now,
    );
    if (!opened) return fail.conflict(ALREADY_DISPUTED);
    await recordRequestEvent(tx, user, request.id, "DISPUTED");
    await auditRequestStep(tx, user, meta, request, "request.dispute-refusal", ["requesting", "responding"], {
      leadPartnersTold: String(opened.recipients),
    });
    return { ok: true, reference: request.reference };
  });
}
