import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { STEP_REFUSALS, statusAfter } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { loadRequestForAction } from "./load-request-for-action";
import { auditRequestStep, recordRequestEvent } from "./request-audit";

export type ConfirmRequestReceiptResult = UseCaseResult<{ reference: string }>;

/** The requester confirms the answer reached them: the partner's record of the exchange is complete. */
export async function confirmRequestReceipt(
  user: SignedInUser,
  reference: string,
  meta: RequestMeta,
): Promise<ConfirmRequestReceiptResult> {
  const loaded = await loadRequestForAction(user, reference, "request.confirm-receipt", meta);
  if (!loaded.ok) return loaded;
  const { request } = loaded;
  const next = statusAfter("confirm-receipt", request.status);
  if (!next) return fail.conflict(STEP_REFUSALS["confirm-receipt"]);
  return db().$transaction(async (tx): Promise<ConfirmRequestReceiptResult> => {
    const { count } = await tx.informationRequest.updateMany({
      where: { id: request.id, status: request.status },
      data: { status: next },
    });
    if (count === 0) return fail.conflict(STEP_REFUSALS["confirm-receipt"]);
    await recordRequestEvent(tx, user, request.id, "RECEIPT_CONFIRMED");
    await auditRequestStep(tx, user, meta, request, "request.confirm-receipt", ["requesting", "responding"]);
    return { ok: true, reference: request.reference };
  });
}
