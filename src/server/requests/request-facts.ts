import "server-only";
import type { RequestFacts } from "@/domain/wizard";
import { db } from "@/server/infra/db";

/**
 * What a request says, as the responding wizard asks it (decision 032); and the responding
 * organisation's own case reference for the child when its contact team answered an earlier request
 * about the same child (same NHS number, or the same requester's case reference) through a decision.
 * Only for the responding side: the caller has authorised the request or owns the draft answering it.
 */
export async function requestFacts(requestId: string): Promise<RequestFacts> {
  const request = await db().informationRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      purpose: true,
      nhsNumber: true,
      caseReference: true,
      requestingOrganisationId: true,
      respondingOrganisationId: true,
      contactTeamId: true,
      requester: { select: { name: true, jobTitle: true } },
      requestingOrganisation: { select: { name: true } },
    },
  });
  const earlier = await db().informationRequestAnswer.findFirst({
    where: {
      decisionId: { not: null },
      request: {
        id: { not: requestId },
        respondingOrganisationId: request.respondingOrganisationId,
        contactTeamId: request.contactTeamId,
        OR: [
          ...(request.nhsNumber ? [{ nhsNumber: request.nhsNumber }] : []),
          { requestingOrganisationId: request.requestingOrganisationId, caseReference: request.caseReference },
        ],
      },
    },
    orderBy: { answeredAt: "desc" },
    select: { decisionId: true },
  });
  const decision = earlier?.decisionId
    ? await db().decision.findFirst({
        where: {
          id: earlier.decisionId,
          organisationId: request.respondingOrganisationId,
          teamId: request.contactTeamId,
        },
        select: { caseReference: true },
      })
    : null;
  return {
    requesterName: request.requester.name,
    requesterRole: request.requester.jobTitle,
    requestingOrganisation: request.requestingOrganisation.name,
    purpose: request.purpose,
    knownCaseReference: decision?.caseReference || null,
  };
}
