import "server-only";
import { FORM_ERROR_KEY } from "@/domain/errors";
import { type AuditSearch, auditSearchSchema } from "@/schemas/audit-search";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";
import { ukDayRange, ukDayStart } from "@/domain/calendar";

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
  /** The name of the user an event is about (objectType "user"), when it is one of the organisation's. */
  objectName: string | null;
}

export interface AuditSearchResult {
  rows: AuditRow[];
  filter: AuditSearch;
  filterErrors: { field: string; message: string }[];
  nextBefore: string | null;
  /** The cursor of the next page when reading oldest first. */
  nextAfter: string | null;
}

export const AUDIT_PAGE_SIZE = 50;

// Dates are UK calendar days, as the search form says and as the CSV export of the same filter
// counts them: both take the bounds from the UK calendar (decision 013).
const dayStart = ukDayStart;
/** The instant a UK calendar day ends, or null for the last day there is (PostgreSQL has no year 10000). */
const dayEnd = (day: string) => ukDayRange(null, day).end;

function whereFor(user: SignedInUser, filter: AuditSearch): Prisma.AuditEventWhereInput {
  return {
    organisationId: user.organisationId,
    ...(filter.actor ? { actorId: filter.actor } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.reference ? { objectId: filter.reference } : {}),
    ...(filter.caseReference ? { caseReference: filter.caseReference } : {}),
    ...(filter.outcome ? { outcome: filter.outcome } : {}),
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: dayStart(filter.from) } : {}),
            ...(filter.to && dayEnd(filter.to) ? { lt: dayEnd(filter.to)! } : {}),
          },
        }
      : {}),
    ...(filter.order === "oldest"
      ? filter.after
        ? { id: { gt: BigInt(filter.after) } }
        : {}
      : filter.before
        ? { id: { lt: BigInt(filter.before) } }
        : {}),
  };
}

async function withActorNames(
  events: Awaited<ReturnType<ReturnType<typeof db>["auditEvent"]["findMany"]>>,
): Promise<AuditRow[]> {
  const userObjectIds = events.flatMap((e) => (e.objectType === "user" && e.objectId ? [e.objectId] : []));
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const actorIds = [
    ...new Set([...events.map((e) => e.actorId), ...userObjectIds].filter((id): id is string => id !== null)),
  ].filter((id) => uuid.test(id));
  const actors =
    actorIds.length > 0
      ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
      : [];
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
    objectName: e.objectType === "user" && e.objectId ? (names.get(e.objectId) ?? null) : null,
  }));
}

/** Past this many events newer than a search's date range, walking back from the newest is slow. */
const NEWER_EVENTS_PROBE = 10_000;

/**
 * The page's event ids for a search by date range that ends well in the past, or null for any
 * other search. Newest first by id, walking back from the newest event, is right for most
 * searches, but for a range ending months ago it walks past every later event first (1.8 s at
 * five million events). So when the range ends before at least NEWER_EVENTS_PROBE events, and no
 * filter with an index of its own narrows the search, read the range's ids from the
 * (organisation_id, at, id) index alone, then take the newest (66 ms for a week of 96,000 events).
 */
async function idsInPastDateRange(user: SignedInUser, filter: AuditSearch): Promise<bigint[] | null> {
  const end = filter.to ? dayEnd(filter.to) : null;
  if (!end || filter.order === "oldest" || filter.actor || filter.action || filter.reference || filter.caseReference)
    return null;
  const newer = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      SELECT 1 FROM audit_event
       WHERE organisation_id = ${user.organisationId}::uuid AND at >= ${end.toISOString()}::timestamptz
      LIMIT ${NEWER_EVENTS_PROBE}) AS newer`;
  if (Number(newer[0]?.n ?? 0) < NEWER_EVENTS_PROBE) return null;
  const conditions = [
    Prisma.sql`organisation_id = ${user.organisationId}::uuid`,
    Prisma.sql`at < ${end.toISOString()}::timestamptz`,
  ];
  if (filter.from) conditions.push(Prisma.sql`at >= ${dayStart(filter.from).toISOString()}::timestamptz`);
  if (filter.outcome) conditions.push(Prisma.sql`outcome = ${filter.outcome}::"AuditOutcome"`);
  if (filter.before) conditions.push(Prisma.sql`id < ${BigInt(filter.before)}`);
  const rows = await db().$queryRaw<{ id: bigint }[]>`
    WITH in_range AS MATERIALIZED (SELECT id FROM audit_event WHERE ${Prisma.join(conditions, " AND ")})
    SELECT id FROM in_range ORDER BY id DESC LIMIT ${AUDIT_PAGE_SIZE + 1}`;
  return rows.map((row) => row.id);
}

/**
 * The IG lead's organisation's audit events, newest first (or oldest first), filtered, a page at a
 * time by keyset (events older, or newer, than the last one shown). Caller has checked audit.view.
 */
export async function searchAuditEvents(user: SignedInUser, raw: unknown): Promise<AuditSearchResult> {
  const parsed = auditSearchSchema.safeParse(raw);
  const filter: AuditSearch = parsed.success ? parsed.data : {};
  const filterErrors = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? FORM_ERROR_KEY), message: i.message }));
  const rangeIds = await idsInPastDateRange(user, filter);
  const events =
    rangeIds === null
      ? await db().auditEvent.findMany({
          where: whereFor(user, filter),
          orderBy: { id: filter.order === "oldest" ? "asc" : "desc" },
          take: AUDIT_PAGE_SIZE + 1,
        })
      : rangeIds.length === 0
        ? []
        : await db().auditEvent.findMany({ where: { id: { in: rangeIds } }, orderBy: { id: "desc" } });
  const page = events.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: await withActorNames(page),
    filter,
    filterErrors,
    nextBefore:
      filter.order !== "oldest" && events.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id.toString() ?? null) : null,
    nextAfter:
      filter.order === "oldest" && events.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

/**
 * A record's whole history in order: its draft, every save, the recording, views, reviews,
 * escalations, exports and retention decisions.
 */
export async function auditHistoryOf(user: SignedInUser, reference: string): Promise<AuditRow[]> {
  const decision = await db().decision.findFirst({
    where: { reference, organisationId: user.organisationId },
    select: { draftId: true },
  });
  const objectIds = decision ? [reference, decision.draftId] : [reference];
  const events = await db().auditEvent.findMany({
    where: { organisationId: user.organisationId, objectId: { in: objectIds } },
    orderBy: { id: "asc" },
    take: 5000,
  });
  return withActorNames(events);
}

export async function organisationPeople(user: SignedInUser): Promise<{ id: string; name: string }[]> {
  return db().user.findMany({
    where: { organisationId: user.organisationId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
