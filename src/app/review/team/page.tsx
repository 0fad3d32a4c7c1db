import type { Metadata } from "next";
import Link from "next/link";
import { CaseLink } from "@/components/CaseLink";
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
import { type FilterChoice, FilterPanel, filterQueryOf, nextPageHref, optionsOf } from "@/components/filter-fields";
import { FlagsCell, NextPageLink } from "@/components/decision-list";
import type { PageProps } from "@/app/page-props";

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

const statusOptions = TEAM_VIEW_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status].text }));
const flaggedOptions = optionsOf(FLAGGED_LABELS);

export default async function TeamDecisionsPage({ searchParams }: PageProps) {
  const user = await requirePermission("review.team-view");
  const params = joinDateParts(await searchParams, ["from", "to"]);
  const result = await listTeamDecisions(user, params, await requestMeta());
  if (!result.ok) forbidden();
  const { view } = result;
  const filterQuery = filterQueryOf(view.filter);
  const choices: FilterChoice[] = [
    { name: "status", label: "Review status", value: view.filter.status, anyLabel: "Any", options: statusOptions },
    { name: "flagged", label: "Flags", value: view.filter.flagged, anyLabel: "Any", options: flaggedOptions },
  ];

  return (
    <>
      <BackLink href="/review">Back to the review queue</BackLink>
      <PageHeading caption={view.teamName ?? user.organisationName}>Your team’s decisions</PageHeading>
      <p className="govuk-body">
        Every decision recorded in your team, reviewed or not, newest first. Open one to review it or to read its
        reviews; open its case to see everything recorded about the child.
      </p>

      <FilterPanel summary="Filter the decisions" path="/review/team" list={view} choices={choices} />

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
                      <CaseLink reference={row.caseReference} />
                    </td>
                    <td>{row.practitionerName}</td>
                    <td>{OUTCOME_LABELS[row.outcome]}</td>
                    <td>
                      <FlagsCell
                        flagged={row.flags.length > 0}
                        urgent={row.severity ? row.severity === "URGENT" : null}
                        reasons={row.reasons}
                      />
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
      <NextPageLink
        href={nextPageHref("/review/team", filterQuery, view.nextCursor)}
        label="Pages of your team’s decisions"
      >
        Older decisions
      </NextPageLink>
    </>
  );
}
