import "server-only";
import { type UseCaseFailure, fail } from "@/domain/errors";
import { type RequestAction, can, isPartyOrganisation } from "@/domain/policy";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import type { RequestMeta } from "@/server/infra/request-context";
import { REQUEST_NOT_FOUND, type RequestForAction, findRequestForAction } from "./load-request-for-action";

export type LoadEscalatedRequestResult = { ok: true; request: RequestForAction } | UseCaseFailure;

/**
 * The request a lead partner's action is about (decision 030), if the policy allows it: a lead
 * partner of its partnership, not a party to the dispute, and only once it is escalated. To anyone
 * else it does not exist, as for another partner (decision 028): "not found", and the attempt is
 * audited (as from another organisation when theirs is not a party).
 */
export async function loadEscalatedRequest(
  user: SignedInUser,
  rawReference: string,
  action: Extract<RequestAction, "request.view-escalated" | "request.decide-escalation">,
  meta: RequestMeta,
): Promise<LoadEscalatedRequestResult> {
  const request = await findRequestForAction(rawReference);
  if (!request) return fail.notFound(REQUEST_NOT_FOUND);
  if (!can(user, action, request)) {
    const reason = isPartyOrganisation(user, request) ? "policy" : "other-organisation";
    await recordRefusal(user, meta, action, { type: "information-request", id: request.reference }, reason);
    return fail.notFound(REQUEST_NOT_FOUND);
  }
  return { ok: true, request };
}
