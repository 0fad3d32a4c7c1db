import "server-only";
import type { EscalationOutcome, EscalationReason, Priority, RequestStatus } from "@/domain/requests";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/infra/db";

/** What every reader of a request sees of it: who asked whom, why and for what, and its clock. */
export interface RequestSummary {
  reference: string;
  requestingOrganisation: string;
  requester: string;
  respondingOrganisation: string;
  contactTeam: string;
  purpose: string;
  informationNeeded: string;
  lawfulBasis: string;
  priority: Priority;
  responseHours: number;
  receivedAt: Date;
  dueAt: Date;
  status: RequestStatus;
  /** Escalations to the lead safeguarding partners and their decisions (decision 030). */
  escalations: EscalationView[];
}

/** The columns of a RequestSummary, and the request's escalations with their decisions, oldest first. */
export const REQUEST_SUMMARY_SELECT = {
  reference: true,
  purpose: true,
  informationNeeded: true,
  lawfulBasis: true,
  priority: true,
  responseHours: true,
  receivedAt: true,
  dueAt: true,
  status: true,
  requestingOrganisation: { select: { name: true } },
  respondingOrganisation: { select: { name: true } },
  requester: { select: { name: true } },
  contactTeam: { select: { name: true } },
  escalations: { orderBy: [{ raisedAt: "asc" }, { id: "asc" }], include: { decision: true } },
} satisfies Prisma.InformationRequestSelect;

type SummaryRow = Prisma.InformationRequestGetPayload<{ select: typeof REQUEST_SUMMARY_SELECT }>;

export async function requestSummary(row: SummaryRow): Promise<RequestSummary> {
  return {
    reference: row.reference,
    requestingOrganisation: row.requestingOrganisation.name,
    requester: row.requester.name,
    respondingOrganisation: row.respondingOrganisation.name,
    contactTeam: row.contactTeam.name,
    purpose: row.purpose,
    informationNeeded: row.informationNeeded,
    lawfulBasis: row.lawfulBasis,
    priority: row.priority,
    responseHours: row.responseHours,
    receivedAt: row.receivedAt,
    dueAt: row.dueAt,
    status: row.status,
    escalations: await escalationViews(row.escalations),
  };
}

export interface EscalationView {
  reason: EscalationReason;
  raisedAt: Date;
  raisedBy: string | null;
  /** The requesting side's reasons for disputing a refusal. */
  reasons: string | null;
  decision: { outcome: EscalationOutcome; reasons: string; decidedBy: string; decidedAt: Date } | null;
}

/** The request's escalations as both sides and the lead partners read them, with who raised and decided. */
async function escalationViews(escalations: SummaryRow["escalations"]): Promise<EscalationView[]> {
  const names = await peopleNames(escalations.flatMap((e) => [e.raisedById, e.decision?.decidedById ?? null]));
  return escalations.map((e) => ({
    reason: e.reason,
    raisedAt: e.raisedAt,
    raisedBy: e.raisedById ? (names.get(e.raisedById) ?? null) : null,
    reasons: e.reasons,
    decision: e.decision
      ? {
          outcome: e.decision.outcome,
          reasons: e.decision.reasons,
          decidedBy: names.get(e.decision.decidedById) ?? "",
          decidedAt: e.decision.decidedAt,
        }
      : null,
  }));
}

/** Names with organisations of the people who raised or decided escalations. */
async function peopleNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const people = await db().user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true, organisation: { select: { name: true } } },
  });
  return new Map(people.map((p) => [p.id, `${p.name} (${p.organisation.name})`]));
}
