import "server-only";
import { type UseCaseResult, fail } from "@/domain/errors";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { normaliseDecisionReference } from "../decisions/reference";
import { DECISION_NOT_FOUND, decisionNotFound } from "../decisions/load-decision-for-action";
import type { RequestMeta } from "@/server/infra/request-context";

/**
 * The organisation's decision (with its retention row) that a retention action names, or the
 * failure to give: not found (audited when it exists elsewhere) or already disposed of.
 */
export async function loadRetainedDecision(user: SignedInUser, rawReference: string, meta: RequestMeta) {
  const reference = normaliseDecisionReference(rawReference);
  const decision = reference
    ? await db().decision.findFirst({
        where: { reference, organisationId: user.organisationId },
        include: { retention: true },
      })
    : null;
  if (!decision) {
    return reference ? decisionNotFound(user, reference, "retention.manage", meta) : fail.notFound(DECISION_NOT_FOUND);
  }
  if (decision.retention?.disposedAt) return fail.conflict("This record has already been disposed of");
  return { ok: true, decision } satisfies UseCaseResult<{ decision: typeof decision }>;
}
