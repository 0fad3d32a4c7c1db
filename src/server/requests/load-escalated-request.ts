import "server-only";
import { type UseCaseFailure, fail } from "@/domain/errors";
import { type RequestAction, can, isPartyOrganisation } from "@/domain/policy";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { REQUEST_NOT_FOUND, type RequestForAction } from "./load-request-for-action";
import { normaliseRequestReference } from "./reference";

export type LoadEscalatedRequestResult =
  { ok: true; request: RequestForAction & { escalated: boolean } } | UseCaseFailure;

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
  const reference = normaliseRequestReference(rawReference);
  if (!reference) return fail.notFound(REQUEST_NOT_FOUND);
  const row = await db().informationRequest.findUnique({
    where: { reference },
    select: {
      id: true,
      reference: true,
      partnershipId: true,
      requestingOrganisationId: true,
      requestingTeamId: true,
      requesterId: true,
      respondingOrganisationId: true,
      contactTeamId: true,
      caseReference: true,
      status: true,
      dueAt: true,
      partnership: { select: { leadPartners: { select: { userId: true } } } },
      escalations: { select: { id: true }, take: 1 },
    },
  });
  if (!row) return fail.notFound(REQUEST_NOT_FOUND);
  const { partnership, escalations, ...fields } = row;
  const request = {
    ...fields,
    leadPartnerIds: partnership.leadPartners.map((l) => l.userId),
    escalated: escalations.length > 0,
  };
  if (!can(user, action, request)) {
    const reason = isPartyOrganisation(user, request) ? "policy" : "other-organisation";
    await recordRefusal(user, meta, action, { type: "information-request", id: request.reference }, reason);
    return fail.notFound(REQUEST_NOT_FOUND);
  }
  return { ok: true, request };
}
