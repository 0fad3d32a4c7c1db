import "server-only";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { can } from "@/domain/policy";
import { disputeParties } from "./dispute-parties";

export interface EscalationRow {
  id: string;
  decisionReference: string;
  reason: string;
  status: "OPEN" | "RESOLVED";
  raisedBy: string;
  raisedAt: string;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  canResolve: boolean;
}

/** Escalations the user may see: a supervisor's team's, or the whole organisation's for an IG lead. */
export async function listEscalations(
  user: SignedInUser,
  status: "OPEN" | "RESOLVED" | "ALL" = "OPEN",
): Promise<EscalationRow[]> {
  const scope =
    user.role === "IG_LEAD"
      ? { organisationId: user.organisationId }
      : { organisationId: user.organisationId, teamId: user.teamId ?? "00000000-0000-0000-0000-000000000000" };
  const rows = await db().escalation.findMany({
    where: { ...scope, ...(status === "ALL" ? {} : { status }) },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: {
      decision: { select: { reference: true, authorId: true } },
      raisedBy: { select: { name: true } },
      resolvedBy: { select: { name: true } },
    },
  });
  const parties = await disputeParties(rows.map((e) => ({ ...e, decisionAuthorId: e.decision.authorId })));
  return rows.map((e) => ({
    id: e.id,
    decisionReference: e.decision.reference,
    reason: e.reason,
    status: e.status,
    raisedBy: e.raisedBy.name,
    raisedAt: e.createdAt.toISOString(),
    resolution: e.resolution,
    resolvedBy: e.resolvedBy?.name ?? null,
    resolvedAt: e.resolvedAt?.toISOString() ?? null,
    canResolve:
      e.status === "OPEN" &&
      can(user, "escalation.resolve", {
        organisationId: e.organisationId,
        teamId: e.teamId,
        authorId: e.raisedById,
        partyIds: parties.get(e.id) ?? [],
      }),
  }));
}
