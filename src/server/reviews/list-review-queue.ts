import "server-only";
import { ukDayRange } from "@/domain/calendar";
import {
  type CaseGroup,
  type QueueCursor,
  type QueueFilter,
  QUEUE_PAGE_SIZE,
  decodeQueueCursor,
  encodeQueueCursor,
  groupByCase,
  queueFilterSchema,
} from "@/domain/review";
import { flagReasons } from "@/domain/review/flags";
import type { ReviewFlag } from "@/domain/decision";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";

/** A decision as a supervisor's lists show it (the review queue, the team view). */
export interface ReviewListRow {
  decisionId: string;
  reference: string;
  caseReference: string;
  practitionerName: string;
  outcome: "SHARE" | "SHARE_PART" | "NO_SHARE";
  flags: string[];
  /** Why it is flagged, in words, one per flag (decision 027). */
  reasons: string[];
  recordedAt: string;
  reviewDueAt: string;
}

export interface QueueRow extends ReviewListRow {
  /** Needs review in the short period: stored as the queue item's "flagged" since decision 027. */
  urgent: boolean;
  overdue: boolean;
}

/**
 * Counts stop here: each is counted over at most QUEUE_COUNT_LIMIT + 1 rows, so a page costs the
 * same however long the queue (at a million waiting decisions, exact counts took ~250 ms a page).
 * A count above the limit means "more than QUEUE_COUNT_LIMIT".
 */
export const QUEUE_COUNT_LIMIT = 10_000;

export interface ReviewQueue {
  rows: QueueRow[];
  nextCursor: string | null;
  /** Each at most QUEUE_COUNT_LIMIT + 1, which stands for "more than QUEUE_COUNT_LIMIT". */
  counts: { total: number; flagged: number; overdue: number };
  /** This page's rows grouped by case (issue 13), with each case's count in the whole team queue. */
  groups: (CaseGroup<QueueRow> & { waitingInQueue: number })[];
  filter: QueueFilter;
  filterError: string | null;
  practitioners: { id: string; name: string }[];
}

interface RawRow {
  decision_id: string;
  flagged: boolean;
  recorded_at: Date;
  review_due_at: Date;
  flags: string[];
  outcome: QueueRow["outcome"];
  reference: string;
  case_reference: string;
  practitioner_name: string;
}

function filterSql(teamId: string, filter: QueueFilter): Prisma.Sql {
  const conditions = [Prisma.sql`q.team_id = ${teamId}::uuid`];
  if (filter.flag) conditions.push(Prisma.sql`q.flags @> ARRAY[${filter.flag}]::text[]`);
  if (filter.outcome) conditions.push(Prisma.sql`q.outcome = ${filter.outcome}::"DecisionOutcome"`);
  if (filter.practitioner) conditions.push(Prisma.sql`q.author_id = ${filter.practitioner}::uuid`);
  // UK calendar days, bounded by the instants the UK calendar gives (decision 013), not UTC dates.
  const { start, end } = ukDayRange(filter.from, filter.to);
  if (start) conditions.push(Prisma.sql`q.recorded_at >= ${start.toISOString()}::timestamptz`);
  if (end) conditions.push(Prisma.sql`q.recorded_at < ${end.toISOString()}::timestamptz`);
  return Prisma.join(conditions, " AND ");
}

/** How many queue items match, counting no further than QUEUE_COUNT_LIMIT + 1. */
function cappedCount(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM (
    SELECT 1 FROM review_queue_item q WHERE ${where} LIMIT ${QUEUE_COUNT_LIMIT + 1}) AS counted)`;
}

function afterCursor(from: QueueCursor): Prisma.Sql {
  return Prisma.sql`AND (q.recorded_at, q.decision_id) > (${new Date(from.recordedAt)}, ${from.decisionId}::uuid)`;
}

/** One index range scan of the queue: the items with this `flagged` value after `from`. */
export function queueSliceQuery(
  teamId: string,
  filter: QueueFilter,
  flagged: boolean,
  from: QueueCursor | null,
  limit: number,
): Prisma.Sql {
  return Prisma.sql`
    SELECT q.decision_id, q.flagged, q.recorded_at, q.review_due_at, q.flags, q.outcome,
           d.reference, d.case_reference, u.name AS practitioner_name
    FROM review_queue_item q
    JOIN decision d ON d.id = q.decision_id
    JOIN app_user u ON u.id = q.author_id
    WHERE ${filterSql(teamId, filter)} AND q.flagged = ${flagged}
      ${from ? afterCursor(from) : Prisma.empty}
    ORDER BY q.recorded_at, q.decision_id
    LIMIT ${limit}`;
}

/**
 * One page of the queue in its fixed order (flagged first, then oldest first). Keyset paging
 * runs as at most two index range scans, one per value of `flagged`, so a deep page costs what
 * the first does, however long the queue.
 */
async function pageOf(teamId: string, filter: QueueFilter, after: QueueCursor | null): Promise<RawRow[]> {
  const select = (flagged: boolean, from: QueueCursor | null, limit: number) =>
    db().$queryRaw<RawRow[]>(queueSliceQuery(teamId, filter, flagged, from, limit));

  const limit = QUEUE_PAGE_SIZE + 1;
  if (after && !after.flagged) return select(false, after, limit);
  const flagged = await select(true, after, limit);
  if (flagged.length >= limit) return flagged;
  return [...flagged, ...(await select(false, null, limit - flagged.length))];
}

export async function listReviewQueue(user: SignedInUser, rawFilter: unknown): Promise<ReviewQueue> {
  const practitioners = user.teamId
    ? await db().user.findMany({
        where: { teamId: user.teamId, role: { in: ["PRACTITIONER", "SUPERVISOR"] } },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      })
    : [];
  const parsed = queueFilterSchema.safeParse(rawFilter);
  const filter: QueueFilter = parsed.success ? parsed.data : {};
  const filterError = parsed.success ? null : "One of the filters was not valid, so no filters are applied";
  if (!user.teamId)
    return {
      rows: [],
      nextCursor: null,
      counts: { total: 0, flagged: 0, overdue: 0 },
      groups: [],
      filter,
      filterError,
      practitioners,
    };

  const after = decodeQueueCursor(filter.after);
  const [raw, countRows] = await Promise.all([
    pageOf(user.teamId, filter, after),
    db().$queryRaw<{ total: bigint; flagged: bigint; overdue: bigint }[]>`
      SELECT ${cappedCount(filterSql(user.teamId, filter))} AS total,
             ${cappedCount(Prisma.sql`${filterSql(user.teamId, filter)} AND q.flagged`)} AS flagged,
             ${cappedCount(Prisma.sql`${filterSql(user.teamId, filter)} AND q.review_due_at < now()`)} AS overdue`,
  ]);
  const page = raw.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  const now = Date.now();
  const counts = countRows[0];
  const rows: QueueRow[] = page.map((r) => ({
    decisionId: r.decision_id,
    reference: r.reference,
    caseReference: r.case_reference,
    practitionerName: r.practitioner_name,
    outcome: r.outcome,
    flags: r.flags,
    reasons: flagReasons(r.flags as ReviewFlag[]),
    urgent: r.flagged,
    recordedAt: r.recorded_at.toISOString(),
    reviewDueAt: r.review_due_at.toISOString(),
    overdue: r.review_due_at.getTime() < now,
  }));
  const waiting = await waitingPerCase(user, [...new Set(rows.map((r) => r.caseReference))]);
  return {
    rows,
    groups: groupByCase(rows).map((group) => ({
      ...group,
      waitingInQueue: waiting.get(group.caseReference) ?? group.rows.length,
    })),
    nextCursor:
      raw.length > QUEUE_PAGE_SIZE && last
        ? encodeQueueCursor({
            flagged: last.flagged,
            recordedAt: last.recorded_at.toISOString(),
            decisionId: last.decision_id,
          })
        : null,
    counts: {
      total: Number(counts?.total ?? 0),
      flagged: Number(counts?.flagged ?? 0),
      overdue: Number(counts?.overdue ?? 0),
    },
    filter,
    filterError,
    practitioners,
  };
}

/** How many of each case's decisions wait in the team's queue: at most a page of cases, by the case index. */
async function waitingPerCase(user: SignedInUser, caseReferences: string[]): Promise<Map<string, number>> {
  if (caseReferences.length === 0 || !user.teamId) return new Map();
  const counted = await db().$queryRaw<{ case_reference: string; waiting: bigint }[]>`
    SELECT d.case_reference, count(*) AS waiting
      FROM decision d JOIN review_queue_item q ON q.decision_id = d.id
     WHERE d.organisation_id = ${user.organisationId}::uuid AND d.case_reference = ANY(${caseReferences}::text[])
       AND q.team_id = ${user.teamId}::uuid
     GROUP BY d.case_reference`;
  return new Map(counted.map((c) => [c.case_reference, Number(c.waiting)]));
}
