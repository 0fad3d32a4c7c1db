import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { joinDateParts } from "@/domain/calendar";
import type { ReviewStatus } from "@/domain/review";
import { TEAM_VIEW_STATUSES } from "@/domain/review/team-view";
import { requirePermission } from "@/server/auth/current-actor";
import { requestMeta } from "@/server/infra/request-context";
import { listTeamDecisions } from "@/server/reviews/list-team-decisions";
import { BackLink, PageHeading, Tag, TableHead, TableRegion } from "@/components/layout-bits";
import { formatDateTime } from "@/components/format";
import { OUTCOME_LABELS } from "@/components/decision-labels";
import { FilterDate, FilterSelect } from "@/components/filter-fields";

export const metadata: Metadata = { title: "Your team’s decisions" };

/** Review statuses in a supervisor's words (the practitioner's page says "needs your action"). */
const STATUS_LABELS: Record<ReviewStatus, { text: string; colour: "blue" | "green" | "red" | "yellow" | "grey" }> = {
  AWAITING_REVIEW: { text: "Awaiting review", colour: "blue" },
  CHALLENGED_NEEDS_ACTION: { text: "Challenged: waiting for the practitioner", colour: "red" },
  CHALLENGED_REPLIED: { text: "Challenged: the practitioner replied", colour: "yellow" },
  ENDORSED: { text: "Endorsed", colour: "green" },
  RECONSIDERED: { text: "Reconsidered", colour: "grey" },
};

const FLAGGED_LABELS = { flagged: "Flagged for review", urgent: "Flagged as urgent", none: "Not flagged" } as const;

export default async function TeamDecisionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("review.team-view");
  const params = joinDateParts(await searchParams, ["from", "to"]);
  const result = await listTeamDecisions(user, params, await requestMeta());
  if (!result.ok) forbidden();
  const { view } = result;
  const filterQuery = new URLSearchParams(
    Object.entries(view.filter).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== "after",
    ),
  );
  const nextHref = view.nextCursor
    ? `/review/team?${new URLSearchParams([...filterQuery, ["after", view.nextCursor]]).toString()}`
    : null;

  return (
    <>
      <BackLink href="/review">Back to the review queue</BackLink>
      <PageHeading caption={view.teamName ?? user.organisationName}>Your team’s decisions</PageHeading>
      <p className="govuk-body">
        Every decision recorded in your team, reviewed or not, newest first. Open one to review it or to read its
        reviews; open its case to see everything recorded about the child.
      </p>

      <details className="mb-8" open={filterQuery.size > 0 || view.filterError !== null}>
        <summary className="cursor-pointer text-govuk-link underline">Filter the decisions</summary>
        <form
          method="get"
          action="/review/team"
          className="mt-4 grid grid-cols-1 gap-4 bg-govuk-light-grey p-4 sm:grid-cols-2"
        >
          {view.filterError ? (
            <p className="govuk-error-message sm:col-span-2" data-testid="filter-error">
              {view.filterError}
            </p>
          ) : null}
          <div>
            <FilterSelect name="status" label="Review status" value={view.filter.status} anyLabel="Any">
              {TEAM_VIEW_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status].text}
                </option>
              ))}
            </FilterSelect>
          </div>
          <div>
            <FilterSelect name="flagged" label="Flags" value={view.filter.flagged} anyLabel="Any">
              {Object.entries(FLAGGED_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </FilterSelect>
          </div>
          <FilterDate name="from" label="Recorded from" value={view.filter.from} />
          <FilterDate name="to" label="Recorded up to" value={view.filter.to} />
          <div className="flex items-center gap-6 sm:col-span-2">
            <button type="submit" className="govuk-button govuk-button-secondary mb-0!">
              Apply filters
            </button>
            <Link href="/review/team">Clear filters</Link>
          </div>
        </form>
      </details>

      {view.rows.length === 0 ? (
        <p className="govuk-body" data-testid="team-view-empty">
          There are no decisions in your team{filterQuery.size > 0 ? " that match these filters" : ""}.
        </p>
      ) : (
        <TableRegion label="Your team’s decisions">
          <table className="govuk-table" data-testid="team-view">
            <caption className="sr-only">Your team’s decisions, newest first</caption>
            <TableHead columns={["Reference", "Case", "Practitioner", "Decision", "Flags", "Review", "Recorded"]} />
            <tbody>
              {view.rows.map((row) => {
                const status = STATUS_LABELS[row.reviewStatus];
                return (
                  <tr key={row.decisionId} data-testid="team-view-row">
                    <td>
                      <Link href={`/review/${row.reference}`}>{row.reference}</Link>
                    </td>
                    <td>
                      <Link href={`/cases/${encodeURIComponent(row.caseReference)}`}>{row.caseReference}</Link>
                    </td>
                    <td>{row.practitionerName}</td>
                    <td>{OUTCOME_LABELS[row.outcome]}</td>
                    <td>
                      {row.flags.length === 0 ? (
                        "None"
                      ) : (
                        <>
                          {row.severity ? (
                            <Tag colour={row.severity === "URGENT" ? "red" : "orange"}>
                              {row.severity === "URGENT" ? "Urgent" : "Routine"}
                            </Tag>
                          ) : null}
                          <ul className="mt-1 space-y-1" data-testid="flag-reasons">
                            {row.reasons.map((reason) => (
                              <li key={reason}>{reason}</li>
                            ))}
                          </ul>
                        </>
                      )}
                    </td>
                    <td>
                      <Tag colour={status.colour}>{status.text}</Tag>
                    </td>
                    <td>{formatDateTime(row.recordedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
      {nextHref ? (
        <nav aria-label="Pages of your team’s decisions" className="mb-8">
          <Link href={nextHref} rel="next">
            Older decisions
          </Link>
        </nav>
      ) : null}
    </>
  );
}
