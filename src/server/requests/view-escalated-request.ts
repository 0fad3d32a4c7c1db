import "server-only";
import type { UseCaseResult } from "@/domain/errors";
import { can } from "@/domain/policy";
import type { EscalationOutcome, EscalationReason, Priority, RequestStatus } from "@/domain/requests";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import type { RequestMeta } from "@/server/infra/request-context";
import { loadEscalatedRequest } from "./load-escalated-request";
import { auditRequestStep } from "./request-audit";

export interface EscalationView {
  reason: EscalationReason;
  raisedAt: Date;
  raisedBy: string | null;
  /** The requesting side's reasons for disputing a refusal. */
  reasons: string | null;
  decision: { outcome: EscalationOutcome; reasons: string; decidedBy: string; decidedAt: Date } | null;
}

/**
 * What the lead partners see of an escalated request: who asked whom, why and for what, how late it
 * is, the refusal's reasons and the escalations. Not the child's name, date of birth or NHS number,
 * nor the requester's case reference: deciding whether a partner should share needs the purpose
 * and the reasons, not who the child is (data minimisation, UK GDPR Art 5(1)(c)).
 */
export interface EscalatedRequestView {
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
  answer: { kind: "SHARE" | "NO_SHARE"; answeredAt: Date; reasons: string | null } | null;
  escalations: EscalationView[];
  mayDecide: boolean;
}

export type ViewEscalatedRequestResult = UseCaseResult<{ request: EscalatedRequestView }>;

/** Loads an escalated request for a lead partner; each view is audited in both parties' logs. */
export async function viewEscalatedRequest(
  user: SignedInUser,
  reference: string,
  meta: RequestMeta,
): Promise<ViewEscalatedRequestResult> {
  const loaded = await loadEscalatedRequest(user, reference, "request.view-escalated", meta);
  if (!loaded.ok) return loaded;
  const { request } = loaded;
  const row = await db().informationRequest.findUniqueOrThrow({
    where: { id: request.id },
    select: {
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
      answer: { select: { kind: true, body: true, answeredAt: true } },
      escalations: { orderBy: [{ raisedAt: "asc" }, { id: "asc" }], include: { decision: true } },
    },
  });
  const names = await peopleNames([...row.escalations.flatMap((e) => [e.raisedById, e.decision?.decidedById ?? null])]);
  await db().$transaction((tx) =>
    auditRequestStep(tx, user, meta, request, "request.view-escalated", ["requesting", "responding"]),
  );
  return {
    ok: true,
    request: {
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
      // A share's content is the requester's to read, not the lead partners': they see that it was shared.
      answer: row.answer
        ? {
            kind: row.answer.kind,
            answeredAt: row.answer.answeredAt,
            reasons: row.answer.kind === "NO_SHARE" ? row.answer.body : null,
          }
        : null,
      escalations: row.escalations.map((e) => escalationView(e, names)),
      mayDecide:
        can(user, "request.decide-escalation", { ...request, escalated: true }) &&
        row.escalations.some((e) => e.decision === null),
    },
  };
}

interface EscalationRow {
  reason: EscalationReason;
  raisedAt: Date;
  raisedById: string | null;
  reasons: string | null;
  decision: { outcome: EscalationOutcome; reasons: string; decidedById: string; decidedAt: Date } | null;
}

export function escalationView(e: EscalationRow, names: Map<string, string>): EscalationView {
  return {
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
  };
}

/** Names with organisations of the people who raised or decided escalations. */
export async function peopleNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const people = await db().user.findMany({
    where: { id: { in: wanted } },
    select: { id: true, name: true, organisation: { select: { name: true } } },
  });
  return new Map(people.map((p) => [p.id, `${p.name} (${p.organisation.name})`]));
}
