import "server-only";
import { ukDayRange } from "@/domain/calendar";
import type { DepartureCode, ReviewFlag } from "@/domain/decision";
import type { UseCaseResult } from "@/domain/errors";
import { type ReviewKind, type ReviewStatus, reviewStatus } from "@/domain/review";
import { type ReviewSeverity, flagReasons } from "@/domain/review/flags";
import {
  type TeamViewCursor,
  type TeamViewFilter,
  TEAM_VIEW_PAGE_SIZE,
  decodeTeamViewCursor,
  encodeTeamViewCursor,
  teamViewFilterSchema,
} from "@/domain/review/team-view";
import { Prisma } from "@/generated/prisma/client";
import type { SignedInUser } from "../auth/current-actor";
import { refusalUnless } from "../auth/refusal";
import { appendAuditEvent, auditEntry } from "../audit/append-audit-event";
import { db } from "@/server/infra/db";
import type { ReviewListRow } from "./list-review-queue";
import type { RequestMeta } from "@/server/infra/request-context";

export interface TeamDecisionRow extends ReviewListRow {
  /** Null for records made before decision 027, and for unflagged ones. */
  severity: ReviewSeverity | null;
  reviewStatus: ReviewStatus;
}

export interface TeamDecisions {
  teamName: string | null;
  rows: TeamDecisionRow[];
  nextCursor: string | null;
  filter: TeamViewFilter;
  filterError: string | null;
}

export type ListTeamDecisionsResult = UseCaseResult<{ view: TeamDecisions }>;

interface RawRow {
  id: string;
  reference: string;
  case_reference: string;
  practitioner_name: string;
  outcome: TeamDecisionRow["outcome"];
  review_flags: string[];
  severity: string | null;
  departure_code: string | null;
  recorded_at: Date;
  review_due_at: Date;
  has_follow_up: boolean;
}

function whereSql(user: SignedInUser, teamId: string, filter: TeamViewFilter, after: TeamViewCursor | null) {
  const conditions = [
    Prisma.sql`d.organisation_id = ${user.organisationId}::uuid`,
    Prisma.sql`d.team_id = ${teamId}::uuid`,
  ];
  if (filter.flagged === "flagged") conditions.push(Prisma.sql`cardinality(d.review_flags) > 0`);
  if (filter.flagged === "none") conditions.push(Prisma.sql`cardinality(d.review_flags) = 0`);
  if (filter.flagged === "urgent")
    conditions.push(Prisma.sql`cardinality(d.review_flags) > 0 AND d.record ->> 'reviewSeverity' = 'URGENT'`);
  // The column triggers keep equal to the domain's reviewStatus() (migration ..._decision_review_status),
  // so the team's (team_id, review_status, recorded_at, id) index serves the filter in keyset order.
  if (filter.status) conditions.push(Prisma.sql`d.review_status = ${filter.status}::decision_review_status`);
  // UK calendar days, bounded by the instants the UK calendar gives (decision 013), not UTC dates.
  const { start, end } = ukDayRange(filter.from, filter.to);
  if (start) conditions.push(Prisma.sql`d.recorded_at >= ${start.toISOString()}::timestamptz`);
  if (end) conditions.push(Prisma.sql`d.recorded_at < ${end.toISOString()}::timestamptz`);
  if (after)
    conditions.push(Prisma.sql`(d.recorded_at, d.id) < (${new Date(after.recordedAt)}, ${after.decisionId}::uuid)`);
  return Prisma.join(conditions, " AND ");
}

/**
 * Every decision of the supervisor's team, reviewed or not, newest first, a page at a time by keyset
 * on (recorded_at, id) over the team's index. Each look is audited as a list view with the references
 * shown, as the records' pages are: what a supervisor saw of whose decisions is for the IG lead to see.
 */
export async function listTeamDecisions(
  user: SignedInUser,
  rawFilter: unknown,
  meta: RequestMeta,
): Promise<ListTeamDecisionsResult> {
  const refused = await refusalUnless(user, meta, "review.team-view", "You cannot see your team's decisions");
  if (refused) return refused;
  const parsed = teamViewFilterSchema.safeParse(rawFilter);
  const filter: TeamViewFilter = parsed.success ? parsed.data : {};
  const filterError = parsed.success
    ? null
    : (parsed.error.issues[0]?.message ?? "One of the filters was not valid") + ", so no filters are applied";
  const teamId = user.teamId;
  const team = teamId ? await db().team.findUnique({ where: { id: teamId }, select: { name: true } }) : null;

  const raw: RawRow[] = teamId
    ? await db().$queryRaw<RawRow[]>`
        SELECT d.id, d.reference, d.case_reference, u.name AS practitioner_name, d.outcome, d.review_flags,
               d.record ->> 'reviewSeverity' AS severity, d.record -> 'departure' ->> 'code' AS departure_code,
               d.recorded_at, d.review_due_at,
               EXISTS (SELECT 1 FROM decision f WHERE f.supersedes_id = d.id) AS has_follow_up
          FROM decision d
          JOIN app_user u ON u.id = d.author_id
         WHERE ${whereSql(user, teamId, filter, decodeTeamViewCursor(filter.after))}
         ORDER BY d.recorded_at DESC, d.id DESC
         LIMIT ${TEAM_VIEW_PAGE_SIZE + 1}`
    : [];
  const page = raw.slice(0, TEAM_VIEW_PAGE_SIZE);
  const reviews = await db().review.findMany({
    where: { decisionId: { in: page.map((r) => r.id) } },
    select: { decisionId: true, kind: true, createdAt: true },
  });
  const reviewsOf = (decisionId: string): { kind: ReviewKind; createdAt: string }[] =>
    reviews
      .filter((r) => r.decisionId === decisionId)
      .map((r) => ({ kind: r.kind, createdAt: r.createdAt.toISOString() }));

  const rows = page.map((r): TeamDecisionRow => ({
    decisionId: r.id,
    reference: r.reference,
    caseReference: r.case_reference,
    practitionerName: r.practitioner_name,
    outcome: r.outcome,
    flags: r.review_flags,
    reasons: flagReasons(r.review_flags as ReviewFlag[], r.departure_code as DepartureCode | null),
    severity: r.review_flags.length > 0 && (r.severity === "URGENT" || r.severity === "ROUTINE") ? r.severity : null,
    reviewStatus: reviewStatus(reviewsOf(r.id), r.has_follow_up),
    recordedAt: r.recorded_at.toISOString(),
    reviewDueAt: r.review_due_at.toISOString(),
  }));
  const last = page.at(-1);

  await db().$transaction((tx) =>
    appendAuditEvent(
      tx,
      auditEntry(user, meta, {
        action: "review.team-view",
        objectType: "team",
        objectId: teamId,
        outcome: "SUCCESS",
        detail: {
          filter: {
            status: filter.status ?? null,
            flagged: filter.flagged ?? null,
            from: filter.from ?? null,
            to: filter.to ?? null,
          },
          decisions: rows.length,
          references: rows.map((r) => r.reference),
        },
      }),
    ),
  );

  return {
    ok: true,
    view: {
      teamName: team?.name ?? null,
      rows,
      nextCursor:
        raw.length > TEAM_VIEW_PAGE_SIZE && last
          ? encodeTeamViewCursor({ recordedAt: last.recorded_at.toISOString(), decisionId: last.id })
          : null,
      filter,
      filterError,
    },
  };
}
