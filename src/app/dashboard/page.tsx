import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { getIgDashboard } from "@/server/dashboard/get-ig-dashboard";
import { HeadlineFigure, PageHeading } from "@/components/layout-bits";
import { BarChartSection, ChartSection, FiguresTable } from "@/components/ChartSection";
import { StackedBarChart } from "@/components/charts";
import { CONSENT_LABELS, OUTCOME_LABELS, lawfulBasisLabel } from "@/components/decision-labels";
import { formatUkMonth } from "@/domain/calendar";
import { formatDuration } from "@/components/format";

export const metadata: Metadata = { title: "Information governance dashboard" };

function percent(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((part / whole) * 100)}%`;
}

const OUTCOMES = ["SHARE", "SHARE_PART", "NO_SHARE"] as const;

function monthName(month: string): string {
  return formatUkMonth(month, "short");
}

export default async function DashboardPage() {
  const user = await requirePermission("dashboard.view");
  const d = await getIgDashboard(user);
  const timing = d.timeToDecisionSeconds;
  const empty = d.totalDecisions === 0;
  return (
    <>
      <PageHeading caption={user.organisationName}>Information governance dashboard</PageHeading>
      <p className="govuk-body">
        Decisions recorded in the last 12 months. Each chart’s figures are in the table below it.
      </p>
      <p className="govuk-body">
        <a href="/api/exports/decisions" download data-testid="export-decisions">
          Export all decisions as CSV
        </a>
      </p>

      <dl className="mb-8 grid gap-4 sm:grid-cols-4" data-testid="headline-figures">
        <HeadlineFigure label="Decisions" value={d.totalDecisions} />
        <HeadlineFigure
          label="Overdue reviews"
          value={d.overdueReviews}
          testId="overdue-reviews"
          alert={d.overdueReviews > 0 ? "bg-[#f4cdc6]" : undefined}
        />
        <HeadlineFigure
          label={
            <Link href="/escalations" className="text-govuk-link-hover!">
              Open escalations
            </Link>
          }
          value={d.openEscalations}
          testId="open-escalations"
          alert={d.openEscalations > 0 ? "bg-[#fcd6c3]" : undefined}
        />
        <HeadlineFigure
          label="Median time to decide"
          value={timing.median === null ? "None yet" : formatDuration(timing.median)}
        />
      </dl>

      <ChartSection
        id="outcomes"
        title="Decisions by outcome, by month"
        empty={
          empty ? (
            <p className="govuk-body" data-testid="dashboard-empty">
              No decisions were recorded in the last 12 months, so there is nothing to chart. Decisions appear here as
              soon as they are recorded.
            </p>
          ) : null
        }
        chart={
          <StackedBarChart
            id="chart-outcomes"
            title="Decisions by outcome, by month"
            categories={d.months}
            series={OUTCOMES.map((o) => ({ name: OUTCOME_LABELS[o], values: d.outcomesByMonth.map((m) => m[o]) }))}
          />
        }
      >
        <FiguresTable
          label="Decisions by outcome, by month"
          testId="table-outcomes"
          rowHeaders
          columns={["Month", ...OUTCOMES.map((o) => OUTCOME_LABELS[o]), "Departures from the flowchart"]}
          rows={d.outcomesByMonth.map((m, i) => {
            const departures = d.departuresByMonth[i];
            return [
              m.month,
              [
                monthName(m.month),
                ...OUTCOMES.map((o) => m[o]),
                `${departures?.departures ?? 0} (${percent(departures?.departures ?? 0, departures?.total ?? 0)})`,
              ],
            ];
          })}
        />
      </ChartSection>

      <BarChartSection
        id="bases"
        title="Lawful bases used"
        empty="No lawful bases recorded yet."
        columns={["Lawful basis", "Decisions"]}
        bars={d.lawfulBases.map((b) => ({
          key: b.id,
          label: lawfulBasisLabel(b.id).split(":")[0] ?? b.id,
          value: b.count,
          cells: [lawfulBasisLabel(b.id), b.count],
        }))}
      />

      <BarChartSection
        id="consent"
        title="Consent"
        chartTitle="Consent status"
        empty="No decisions recorded yet."
        columns={["Consent", "Decisions"]}
        bars={d.consent.map((c) => ({ key: c.status, label: CONSENT_LABELS[c.status] ?? c.status, value: c.count }))}
      />

      <BarChartSection
        id="teams"
        title="Decisions not to share, by team"
        empty="No decisions recorded yet."
        columns={["Team", "Not shared", "All decisions", "Rate"]}
        bars={d.noShareByTeam.map((t) => ({
          key: t.team,
          label: t.team,
          value: t.noShare,
          cells: [t.team, t.noShare, t.total, percent(t.noShare, t.total)],
        }))}
      />

      <section aria-labelledby="timing-heading" className="mb-12">
        <h2 id="timing-heading" className="govuk-heading-m">
          Time from concern to decision
        </h2>
        {timing.median === null || timing.p90 === null ? (
          <p className="govuk-body">No decisions recorded in the last 12 months to time.</p>
        ) : (
          <p className="govuk-body" data-testid="time-to-decide">
            From starting the wizard to recording the decision, over {timing.decisions}{" "}
            {timing.decisions === 1 ? "decision" : "decisions"}: half took {formatDuration(timing.median)} or less, and
            9 in 10 took {formatDuration(timing.p90)} or less.
          </p>
        )}
      </section>
    </>
  );
}
