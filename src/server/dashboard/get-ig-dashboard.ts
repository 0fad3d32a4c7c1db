import "server-only";
import { recentUkMonths } from "@/domain/calendar";
import type { SignedInUser } from "../auth/current-actor";
import { db } from "@/server/infra/db";

export interface IgDashboard {
  months: string[];
  outcomesByMonth: { month: string; SHARE: number; SHARE_PART: number; NO_SHARE: number }[];
  departuresByMonth: { month: string; departures: number; total: number }[];
  lawfulBases: { id: string; count: number }[];
  consent: { status: string; count: number }[];
  noShareByTeam: { team: string; noShare: number; total: number }[];
  timeToDecisionSeconds: { median: number | null; p90: number | null; decisions: number };
  overdueReviews: number;
  openEscalations: number;
  totalDecisions: number;
}

const MONTHS_SHOWN = 12;

/** Figures for the IG dashboard, for the user's own organisation over the last twelve months. */
export async function getIgDashboard(user: SignedInUser): Promise<IgDashboard> {
  const org = user.organisationId;
  // UK months, bounded by the UK calendar's instants (decision 013), so a decision recorded at
  // 00:30 BST on the 1st counts in its UK month, not the UTC one before.
  const bounds = recentUkMonths(new Date(), MONTHS_SHOWN);
  const months = bounds.map((m) => m.month);
  const since = bounds[0]!.start;

  const [byMonth, bases, consent, teams, timing, overdue, escalations] = await Promise.all([
    db().$queryRaw<{ month: string; outcome: string; departures: bigint; n: bigint }[]>`
      SELECT m.month, d.outcome::text AS outcome,
             count(*) FILTER (WHERE d.departs_from_indication) AS departures, count(*) AS n
      FROM unnest(${months}::text[], ${bounds.map((m) => m.start.toISOString())}::timestamptz[],
                  ${bounds.map((m) => m.end.toISOString())}::timestamptz[]) AS m(month, starts_at, ends_at)
      JOIN decision d ON d.organisation_id = ${org}::uuid AND d.recorded_at >= m.starts_at AND d.recorded_at < m.ends_at
      GROUP BY 1, 2`,
    db().$queryRaw<{ id: string; n: bigint }[]>`
      SELECT basis AS id, count(*) AS n FROM decision, unnest(lawful_basis_ids) AS basis
      WHERE organisation_id = ${org}::uuid AND recorded_at >= ${since}
      GROUP BY basis ORDER BY n DESC, basis`,
    db().$queryRaw<{ status: string; n: bigint }[]>`
      SELECT consent_status AS status, count(*) AS n FROM decision
      WHERE organisation_id = ${org}::uuid AND recorded_at >= ${since}
      GROUP BY 1 ORDER BY n DESC, 1`,
    db().$queryRaw<{ team: string; no_share: bigint; n: bigint }[]>`
      SELECT coalesce(t.name, 'No team') AS team,
             count(*) FILTER (WHERE d.outcome = 'NO_SHARE') AS no_share, count(*) AS n
      FROM decision d LEFT JOIN team t ON t.id = d.team_id
      WHERE d.organisation_id = ${org}::uuid AND d.recorded_at >= ${since}
      GROUP BY 1 ORDER BY 1`,
    // From starting the wizard (the draft's creation, in the audit log) to recording the decision.
    db().$queryRaw<{ median: number | null; p90: number | null; n: bigint }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90, count(*) AS n
      FROM (
        SELECT extract(epoch FROM (d.recorded_at - e.at))::float8 AS seconds
        FROM decision d
        JOIN audit_event e
          ON e.organisation_id = d.organisation_id AND e.object_id = d.draft_id::text AND e.action = 'draft.create'
        WHERE d.organisation_id = ${org}::uuid AND d.recorded_at >= ${since}
      ) AS timings`,
    db().reviewQueueItem.count({ where: { organisationId: org, reviewDueAt: { lt: new Date() } } }),
    db().escalation.count({ where: { organisationId: org, status: "OPEN" } }),
  ]);

  const outcomesByMonth = months.map((month) => {
    const rows = byMonth.filter((r) => r.month === month);
    const count = (outcome: string) => Number(rows.find((r) => r.outcome === outcome)?.n ?? 0);
    return { month, SHARE: count("SHARE"), SHARE_PART: count("SHARE_PART"), NO_SHARE: count("NO_SHARE") };
  });
  const departuresByMonth = months.map((month) => {
    const rows = byMonth.filter((r) => r.month === month);
    return {
      month,
      departures: rows.reduce((s, r) => s + Number(r.departures), 0),
      total: rows.reduce((s, r) => s + Number(r.n), 0),
    };
  });
  const round = (value: number | null) => (value === null ? null : Math.round(Number(value)));
  return {
    months,
    outcomesByMonth,
    departuresByMonth,
    lawfulBases: bases.map((b) => ({ id: b.id, count: Number(b.n) })),
    consent: consent.map((c) => ({ status: c.status, count: Number(c.n) })),
    noShareByTeam: teams.map((t) => ({ team: t.team, noShare: Number(t.no_share), total: Number(t.n) })),
    timeToDecisionSeconds: {
      median: round(timing[0]?.median ?? null),
      p90: round(timing[0]?.p90 ?? null),
      decisions: Number(timing[0]?.n ?? 0),
    },
    overdueReviews: overdue,
    openEscalations: escalations,
    totalDecisions: departuresByMonth.reduce((s, m) => s + m.total, 0),
  };
}
