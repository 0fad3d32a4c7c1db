import "server-only";
import type { SignedInUser } from "./auth/current-actor";
import { db } from "./db";

export interface AuditEventRow {
  id: string;
  at: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
}

/** The newest events in the IG lead's own organisation's chain. Caller has checked audit.view. */
export async function listRecentAuditEvents(user: SignedInUser, limit = 50): Promise<AuditEventRow[]> {
  const events = await db().auditEvent.findMany({
    where: { organisationId: user.organisationId },
    orderBy: { id: "desc" },
    take: limit,
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({
    id: e.id.toString(),
    at: e.at.toISOString(),
    actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    actorRole: e.actorRole,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    outcome: e.outcome,
  }));
}
