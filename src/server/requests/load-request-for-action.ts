import "server-only";
import { type UseCaseFailure, fail } from "@/domain/errors";
import { type RequestAction, type RequestResource, can, isPartyOrganisation } from "@/domain/policy";
import type { RequestStatus } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { recordRefusal } from "../auth/refusal";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { normaliseRequestReference } from "./reference";

export interface RequestForAction extends RequestResource {
  id: string;
  reference: string;
  partnershipId: string;
  caseReference: string;
  status: RequestStatus;
  dueAt: Date;
  /** Whether it has reached the lead partners (decision 030), which the policy asks about. */
  escalated: boolean;
}

export type LoadRequestResult = { ok: true; request: RequestForAction } | UseCaseFailure;

export const REQUEST_NOT_FOUND = "Request not found";

/**
 * A request as the policy needs it, from a reference as typed or linked; null when there is none.
 * Not yet checked: every caller asks the policy (loadRequestForAction, loadEscalatedRequest).
 */
export async function findRequestForAction(rawReference: string): Promise<RequestForAction | null> {
  const reference = normaliseRequestReference(rawReference);
  if (!reference) return null;
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
  if (!row) return null;
  const { partnership, escalations, ...fields } = row;
  return {
    ...fields,
    leadPartnerIds: partnership.leadPartners.map((l) => l.userId),
    escalated: escalations.length > 0,
  };
}

/**
 * The request an action is about, if the policy allows this user that action on it. To anyone
 * whose organisation is not one of its two parties (another partner of the partnership, another
 * partnership) it does not exist: "not found", and the attempt is audited as a refusal. A party
 * the policy refuses (an admin; someone outside the contact team) is told so, and audited too.
 */
export async function loadRequestForAction(
  user: SignedInUser,
  rawReference: string,
  action: RequestAction,
  meta: RequestMeta,
): Promise<LoadRequestResult> {
  const request = await findRequestForAction(rawReference);
  if (!request) return fail.notFound(REQUEST_NOT_FOUND);
  const object = { type: "information-request", id: request.reference };
  if (!isPartyOrganisation(user, request)) {
    await recordRefusal(user, meta, action, object, "other-organisation");
    return fail.notFound(REQUEST_NOT_FOUND);
  }
  if (!can(user, action, request)) {
    await recordRefusal(user, meta, action, object);
    return fail.forbidden("You cannot do this to this request");
  }
  return { ok: true, request };
}
