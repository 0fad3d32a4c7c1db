import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import { STEP_REFUSALS, statusAfter } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { loadRequestForAction } from "./load-request-for-action";
import { auditRequestStep, recordRequestEvent } from "./request-audit";

export type AcknowledgeRequestResult = UseCaseResult<{ reference: string }>;

/** The contact team says it has the request and is working on it. */
export async function acknowledgeRequest(
  user: SignedInUser,
  reference: string,
  meta: RequestMeta,
): Promise<AcknowledgeRequestResult> {
  const loaded = await loadRequestForAction(user, reference, "request.acknowledge", meta);
  if (!loaded.ok) return loaded;
  const { request } = loaded;
  const next = statusAfter("acknowledge", request.status);
  if (!next) return fail.conflict(STEP_REFUSALS.acknowledge);
  return db().$transaction(async (tx): Promise<AcknowledgeRequestResult> => {
    // Conditional on the status read: of two racing acknowledgements, one wins and one is told.
    const { count } = await tx.informationRequest.updateMany({
      where: { id: request.id, status: request.status },
      data: { status: next },
    });
    if (count === 0) return fail.conflict(STEP_REFUSALS.acknowledge);
    await recordRequestEvent(tx, user, request.id, "ACKNOWLEDGED");
    await auditRequestStep(tx, user, meta, request, "request.acknowledge", ["responding"]);
    return { ok: true, reference: request.reference };
  });
}
