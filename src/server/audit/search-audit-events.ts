import "server-only";
import { type AuditSearch, auditSearchSchema } from "@/schemas/audit-search";
import type { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "../db";

export interface AuditRow {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  caseReference: string | null;
  outcome: string;
  requestId: string | null;
  ip: string | null;
  detail: unknown;
}

export interface AuditSearchResult {
  rows: AuditRow[];
  filter: AuditSearch;
  filterErrors: { field: string; message: string }[];
  nextBefore: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

function whereFor(user: SignedInUser, filter: AuditSearch): Prisma.AuditEventWhereInput {
  return {
    organisationId: user.organisationId,
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.reference ? { objectId: filter.reference } : {}),
    ...(filter.caseReference ? { caseReference: filter.caseReference } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.from || filter.to
      ? { at: { ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}), ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } }
      : {}),
    ...(filter.before ? { id: { lt: BigInt(filter.before) } } : {}),
  };
}

async function withActorNames(events: Awaited<ReturnType<ReturnType<typeof db>["auditEvent"]["findMany"]>>): Promise<AuditRow[]> {
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const actors = actorIds.length > 0 ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({
    id: e.id.toString(),
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    actorRole: e.actorRole,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    caseReference: e.caseReference,
    outcome: e.outcome,
    requestId: e.requestId,
    ip: e.ip,
    detail: e.detail,
  }));
}

/**
 * The IG lead's organisation's audit events, newest first, filtered, a page at a time by keyset
 * (events older than the last one shown). Caller has checked audit.view.
 */
export async function searchAuditEvents(user: SignedInUser, raw: unknown): Promise<AuditSearchResult> {
  const parsed = auditSearchSchema.safeParse(raw);
  const filter: AuditSearch = parsed.success ? parsed.data : {};
  const filterErrors = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? "form"), message: i.message }));
  const events = await db().auditEvent.findMany({ where: whereFor(user, filter), orderBy: { id: "desc" }, take: AUDIT_PAGE_SIZE + 1 });
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: await withActorNames(page),
    filter,
    filterErrors,
    nextBefore: events.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

/**
 * A record's whole history in order: its draft, every save, the recording, views, reviews,
 * escalations, exports and retention decisions.
 */
export async function auditHistoryOf(user: SignedInUser, reference: string): Promise<AuditRow[]> {
  const decision = await db().decision.findFirst({ where: { reference, organisationId: user.organisationId }, select: { draftId: true } });
  const objectIds = decision ? [reference, decision.draftId] : [reference];
  const events = await db().auditEvent.findMany({
    where: { organisationId: user.organisationId, objectId: { in: objectIds } },
    orderBy: { id: "asc" },
    take: 5000,
  });
  return withActorNames(events);
}

export async function organisationPeople(user: SignedInUser): Promise<{ id: string; name: string }[]> {
  return db().user.findMany({ where: { organisationId: user.organisationId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
