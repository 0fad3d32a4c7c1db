import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { partnershipOversight } from "@/server/requests/partnership-oversight";
import {
  ESCALATION_REASON_LABELS,
  OVERSIGHT_PERIODS,
  escalationOutcomeLabel,
  formatEstimatedHours,
  onTimeRate,
  percentOf,
} from "@/domain/requests";
import { BarChartSection, ChartSection, FiguresTable } from "@/components/ChartSection";
import { StackedBarChart } from "@/components/charts";
import { PageHeading, Tag } from "@/components/layout-bits";
import { formatDate, formatDateTime } from "@/components/format";
import { PRIORITY_COLOURS, priorityLabel } from "../labels";

export const metadata: Metadata = { title: "Partnership oversight" };

export default async function PartnershipOversightPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const result = await partnershipOversight(user, params, await requestMeta());
  if (!result.ok) notFound();
  const o = result.oversight;
  if (!o)
    return (
      <>
        <PageHeading>Partnership oversight</PageHeading>
        <p className="govuk-body">
          Only a partnership’s lead safeguarding partners and its member organisations’ information governance leads see
          its figures.
        </p>
      </>
    );
  const query = (change: Record<string, string>) =>
    new URLSearchParams({ partnership: o.partnership.id, period: String(o.period), ...change }).toString();
  const agencies = [...new Set(o.byAgency.map((f) => f.organisation))];
  const totals = agencies.map((agency) => {
    const rows = o.byAgency.filter((f) => f.organisation === agency);
    const sum = (pick: (f: (typeof rows)[number]) => number) => rows.reduce((total, f) => total + pick(f), 0);
    return {
      agency,
      onTime: sum((f) => f.answeredOnTime),
      late: sum((f) => f.answered - f.answeredOnTime),
      overdue: sum((f) => f.openOverdue),
    };
  });
  const escalationLabel = (e: (typeof o.escalations)[number]) =>
    `${ESCALATION_REASON_LABELS[e.reason]}: ${e.outcome ? escalationOutcomeLabel(e.outcome, e.reason) : "waiting"}`;
  return (
    <>
      <PageHeading caption={o.partnership.name}>Partnership oversight</PageHeading>
      <p className="govuk-body">
        How each agency answers partners’ requests for information, against the partnership’s response times, for
        requests received in the last {o.period} days: from the start of {formatDate(o.from)} to {formatDateTime(o.to)}.
        Figures only: no child is named.
      </p>
      <p className="govuk-body">
        The median time to answer is an estimate: the figures keep how many answers took up to 1, 2, 3, 4, 6, 8, 12
        hours and so on, and their average in each band, not every answer. It is exact when no other answer near the
        middle took a similar time.
      </p>
      <nav className="govuk-body" aria-label="Period">
        Period:{" "}
        {OVERSIGHT_PERIODS.map((days, i) => (
          <span key={days}>
            {i > 0 ? " · " : ""}
            {days === o.period ? (
              <strong>last {days} days</strong>
            ) : (
              <Link href={`/requests/oversight?${query({ period: String(days) })}`}>last {days} days</Link>
            )}
          </span>
        ))}
      </nav>
      {o.partnerships.length > 1 ? (
        <nav className="govuk-body" aria-label="Partnership">
          Partnership:{" "}
          {o.partnerships.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? " · " : ""}
              {p.id === o.partnership.id ? (
                <strong>{p.name}</strong>
              ) : (
                <Link href={`/requests/oversight?${query({ partnership: p.id })}`}>{p.name}</Link>
              )}
            </span>
          ))}
        </nav>
      ) : null}
      <p className="govuk-body">
        <a href={`/requests/oversight/export?${query({})}`} className="govuk-link" download>
          Download these figures (CSV)
        </a>
      </p>

      <ChartSection
        id="response-times"
        title="Requests answered within the response time, by agency"
        empty={
          o.byAgency.length === 0 ? (
            <p className="govuk-body" data-testid="oversight-empty">
              No requests were received in this period.
            </p>
          ) : null
        }
        chart={
          <StackedBarChart
            id="chart-response-times"
            title="Requests answered within the response time, late, and overdue without an answer, by agency"
            categories={agencies}
            series={[
              { name: "Answered within the response time", values: totals.map((t) => t.onTime) },
              { name: "Answered late", values: totals.map((t) => t.late) },
              { name: "Overdue, not answered", values: totals.map((t) => t.overdue) },
            ]}
          />
        }
      >
        <FiguresTable
          label="Requests by agency and priority, against the response times"
          testId="oversight-by-agency"
          rowHeaders
          columns={[
            "Agency",
            "Priority",
            "Response time",
            "Received",
            "Answered",
            "Within time",
            "Open",
            "Overdue",
            "Refused",
            "Median time to answer (estimate)",
          ]}
          rows={o.byAgency.map((f) => [
            `${f.organisation}-${f.priority}`,
            [
              f.organisation,
              <Tag key="priority" colour={PRIORITY_COLOURS[f.priority]}>
                {priorityLabel(f.priority)}
              </Tag>,
              `${f.targetHours} working hours`,
              f.received,
              f.answered,
              `${f.answeredOnTime} (${onTimeRate(f)})`,
              f.open,
              f.openOverdue,
              `${f.refused} (${percentOf(f.refused, f.answered)})`,
              f.medianHoursToAnswer === null ? "None answered" : formatEstimatedHours(f.medianHoursToAnswer),
            ],
          ])}
        />
      </ChartSection>

      <BarChartSection
        id="escalations"
        title="Escalations to the lead partners and their outcomes"
        empty="No request was escalated to the lead partners in this period."
        testId="oversight-escalations"
        columns={["Why escalated", "Outcome", "Requests"]}
        bars={o.escalations.map((e) => ({
          key: `${e.reason}-${e.outcome ?? "waiting"}`,
          label: escalationLabel(e),
          value: e.count,
          cells: [
            ESCALATION_REASON_LABELS[e.reason],
            e.outcome ? escalationOutcomeLabel(e.outcome, e.reason) : "Waiting for a decision",
            e.count,
          ],
        }))}
      />

      <section aria-labelledby="overdue-heading" className="mb-12">
        <h2 id="overdue-heading" className="govuk-heading-m">
          Requests overdue now
        </h2>
        {o.overdue.length === 0 ? (
          <p className="govuk-body">No request is overdue.</p>
        ) : (
          <FiguresTable
            label="Requests overdue now, most overdue first"
            testId="oversight-overdue"
            columns={["Reference", "Asked by", "Asked of", "Priority", "Was due"]}
            rows={o.overdue.map((r) => [
              r.reference,
              [
                r.reference,
                r.requestingOrganisation,
                r.respondingOrganisation,
                priorityLabel(r.priority),
                formatDateTime(r.dueAt),
              ],
            ])}
          />
        )}
      </section>
    </>
  );
}
