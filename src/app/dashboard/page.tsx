import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/server/auth/current-actor";
import { getIgDashboard } from "@/server/dashboard/get-ig-dashboard";
import { PageHeading, TableHead, TableRegion } from "@/components/layout-bits";
import { HorizontalBarChart, StackedBarChart } from "@/components/charts";
import { CONSENT_LABELS, OUTCOME_LABELS, lawfulBasisLabel } from "@/components/decision-labels";
import { formatUkMonth } from "@/domain/calendar";
import { formatDuration } from "@/components/format";

export const metadata: Metadata = { title: "Information governance dashboard" };

function percent(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((part / whole) * 100)}%`;
}

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
        <div className="bg-govuk-light-grey p-4">
          <dt>Decisions</dt>
          <dd className="text-[2.25rem] font-bold">{d.totalDecisions}</dd>
        </div>
        <div className={`p-4 ${d.overdueReviews > 0 ? "bg-[#f4cdc6]" : "bg-govuk-light-grey"}`}>
          <dt>Overdue reviews</dt>
          <dd className="text-[2.25rem] font-bold" data-testid="overdue-reviews">
            {d.overdueReviews}
          </dd>
        </div>
        <div className={`p-4 ${d.openEscalations > 0 ? "bg-[#fcd6c3]" : "bg-govuk-light-grey"}`}>
          <dt>
            <Link href="/escalations" className="text-govuk-link-hover!">
              Open escalations
            </Link>
          </dt>
          <dd className="text-[2.25rem] font-bold" data-testid="open-escalations">
            {d.openEscalations}
          </dd>
        </div>
        <div className="bg-govuk-light-grey p-4">
          <dt>Median time to decide</dt>
          <dd className="text-[2.25rem] font-bold">
            {timing.median === null ? "None yet" : formatDuration(timing.median)}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="outcomes-heading" className="mb-12">
        <h2 id="outcomes-heading" className="govuk-heading-m">
          Decisions by outcome, by month
        </h2>
        {empty ? (
          <p className="govuk-body" data-testid="dashboard-empty">
            No decisions were recorded in the last 12 months, so there is nothing to chart. Decisions appear here as
            soon as they are recorded.
          </p>
        ) : (
          <>
            <StackedBarChart
              id="chart-outcomes"
              title="Decisions by outcome, by month"
              categories={d.months}
              series={(["SHARE", "SHARE_PART", "NO_SHARE"] as const).map((o) => ({
                name: OUTCOME_LABELS[o],
                values: d.outcomesByMonth.map((m) => m[o]),
              }))}
            />
            <TableRegion label="Decisions by outcome, by month">
              <table className="govuk-table" data-testid="table-outcomes">
                <caption className="sr-only">Decisions by outcome, by month</caption>
                <TableHead
                  columns={[
                    "Month",
                    OUTCOME_LABELS.SHARE,
                    OUTCOME_LABELS.SHARE_PART,
                    OUTCOME_LABELS.NO_SHARE,
                    "Departures from the flowchart",
                  ]}
                />
                <tbody>
                  {d.outcomesByMonth.map((m, i) => (
                    <tr key={m.month}>
                      <th scope="row">{monthName(m.month)}</th>
                      <td>{m.SHARE}</td>
                      <td>{m.SHARE_PART}</td>
                      <td>{m.NO_SHARE}</td>
                      <td>
                        {d.departuresByMonth[i]?.departures ?? 0} (
                        {percent(d.departuresByMonth[i]?.departures ?? 0, d.departuresByMonth[i]?.total ?? 0)})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        )}
      </section>

      <section aria-labelledby="bases-heading" className="mb-12">
        <h2 id="bases-heading" className="govuk-heading-m">
          Lawful bases used
        </h2>
        {d.lawfulBases.length === 0 ? (
          <p className="govuk-body">No lawful bases recorded yet.</p>
        ) : (
          <>
            <HorizontalBarChart
              id="chart-bases"
              title="Lawful bases used"
              data={d.lawfulBases.map((b) => ({ label: lawfulBasisLabel(b.id).split(":")[0] ?? b.id, value: b.count }))}
            />
            <TableRegion label="Lawful bases used">
              <table className="govuk-table">
                <caption className="sr-only">Lawful bases used</caption>
                <TableHead columns={["Lawful basis", "Decisions"]} />
                <tbody>
                  {d.lawfulBases.map((b) => (
                    <tr key={b.id}>
                      <td>{lawfulBasisLabel(b.id)}</td>
                      <td>{b.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        )}
      </section>

      <section aria-labelledby="consent-heading" className="mb-12">
        <h2 id="consent-heading" className="govuk-heading-m">
          Consent
        </h2>
        {d.consent.length === 0 ? <p className="govuk-body">No decisions recorded yet.</p> : null}
        {d.consent.length === 0 ? null : (
          <>
            <HorizontalBarChart
              id="chart-consent"
              title="Consent status"
              data={d.consent.map((c) => ({ label: CONSENT_LABELS[c.status] ?? c.status, value: c.count }))}
            />
            <TableRegion label="Consent status">
              <table className="govuk-table">
                <caption className="sr-only">Consent status</caption>
                <TableHead columns={["Consent", "Decisions"]} />
                <tbody>
                  {d.consent.map((c) => (
                    <tr key={c.status}>
                      <td>{CONSENT_LABELS[c.status] ?? c.status}</td>
                      <td>{c.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        )}
      </section>

      <section aria-labelledby="teams-heading" className="mb-12">
        <h2 id="teams-heading" className="govuk-heading-m">
          Decisions not to share, by team
        </h2>
        {d.noShareByTeam.length === 0 ? <p className="govuk-body">No decisions recorded yet.</p> : null}
        {d.noShareByTeam.length === 0 ? null : (
          <>
            <HorizontalBarChart
              id="chart-teams"
              title="Decisions not to share, by team"
              data={d.noShareByTeam.map((t) => ({ label: t.team, value: t.noShare }))}
            />
            <TableRegion label="Decisions not to share, by team">
              <table className="govuk-table">
                <caption className="sr-only">Decisions not to share, by team</caption>
                <TableHead columns={["Team", "Not shared", "All decisions", "Rate"]} />
                <tbody>
                  {d.noShareByTeam.map((t) => (
                    <tr key={t.team}>
                      <td>{t.team}</td>
                      <td>{t.noShare}</td>
                      <td>{t.total}</td>
                      <td>{percent(t.noShare, t.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </>
        )}
      </section>

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
