import "server-only";
import { type Priority, type RequestStatus, isOverdue } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";

export interface SentRequestRow {
  reference: string;
  respondingOrganisation: string;
  caseReference: string;
  priority: Priority;
  status: RequestStatus;
  receivedAt: Date;
  dueAt: Date;
  overdue: boolean;
}

/** The requests the user sent, newest first (the last 100; along the index on requester and time). */
export async function listSentRequests(user: SignedInUser, now: Date = new Date()): Promise<SentRequestRow[]> {
  const rows = await db().informationRequest.findMany({
    where: { requesterId: user.userId, requestingOrganisationId: user.organisationId },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      reference: true,
      caseReference: true,
      priority: true,
      status: true,
      receivedAt: true,
      dueAt: true,
      respondingOrganisation: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    reference: r.reference,
    respondingOrganisation: r.respondingOrganisation.name,
    caseReference: r.caseReference,
    priority: r.priority,
    status: r.status,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    overdue: isOverdue(r.status, r.dueAt, now),
  }));
}
