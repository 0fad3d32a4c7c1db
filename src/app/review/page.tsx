import type { Metadata } from "next";
import Link from "next/link";
import { CaseLink } from "@/components/CaseLink";
import { REVIEW_FLAGS } from "@/domain/decision";
import { requirePermission } from "@/server/auth/current-actor";
import { QUEUE_COUNT_LIMIT, listReviewQueue } from "@/server/reviews/list-review-queue";
import { HeadlineFigure, PageHeading, SuccessBanner, TableHead, TableRegion, Tag } from "@/components/layout-bits";
import { formatDate, formatDateTime } from "@/components/format";
import { FLAG_LABELS, OUTCOME_LABELS } from "@/components/decision-labels";
import { type FilterChoice, FilterPanel, filterQueryOf, nextPageHref, optionsOf } from "@/components/filter-fields";
import { FlagsCell, NextPageLink } from "@/components/decision-list";
import { joinDateParts } from "@/domain/calendar";
import { type PageProps, doneNotice } from "@/app/page-props";

export const metadata: Metadata = { title: "Review queue" };

const DONE: Record<string, string> = { endorsement: "endorsed", challenge: "challenged", note: "noted" };

const flagOptions = REVIEW_FLAGS.map((flag) => ({ value: flag, label: FLAG_LABELS[flag] }));
const outcomeOptions = optionsOf(OUTCOME_LABELS);

/** Counts stop at QUEUE_COUNT_LIMIT (see list-review-queue.ts). */
function countLabel(count: number): string {
  return count > QUEUE_COUNT_LIMIT
    ? `More than ${QUEUE_COUNT_LIMIT.toLocaleString("en-GB")}`
    : count.toLocaleString("en-GB");
}

export default async function ReviewQueuePage({ searchParams }: PageProps) {
  const user = await requirePermission("review.queue");
  const params = joinDateParts(await searchParams, ["from", "to"]);
  const queue = await listReviewQueue(user, params);
  const done = doneNotice(params, DONE);
  const doneReference = typeof params.reference === "string" ? params.reference.slice(0, 20) : "";
  const filterQuery = filterQueryOf(queue.filter);
  const choices: FilterChoice[] = [
    { name: "flag", label: "Flag", value: queue.filter.flag, anyLabel: "Any", options: flagOptions },
    { name: "outcome", label: "Decision", value: queue.filter.outcome, anyLabel: "Any", options: outcomeOptions },
    {
      name: "practitioner",
      label: "Practitioner",
      value: queue.filter.practitioner,
      anyLabel: "Anyone",
      options: queue.practitioners.map((p) => ({ value: p.id, label: p.name })),
    },
  ];

  return (
    <>
      <SuccessBanner
        message={
          done ? (
            <>
              Decision {doneReference} {done}.
            </>
          ) : undefined
        }
      />
      <PageHeading caption={user.teamName ?? user.organisationName}>Review queue</PageHeading>
      <p className="govuk-body">
        Your team’s decisions that nobody has endorsed or challenged yet, grouped by case. Urgent decisions come first,
        then the oldest.
      </p>
      <p className="govuk-body">
        <Link href="/review/team">See all your team’s decisions, reviewed or not</Link>
      </p>

      <dl className="mb-8 grid grid-cols-3 gap-4" data-testid="queue-counts">
        <HeadlineFigure label="Waiting" value={countLabel(queue.counts.total)} testId="count-total" />
        <HeadlineFigure label="Urgent" value={countLabel(queue.counts.flagged)} testId="count-flagged" />
        <HeadlineFigure
          label="Overdue"
          value={countLabel(queue.counts.overdue)}
          testId="count-overdue"
          alert={queue.counts.overdue > 0 ? "bg-[#f4cdc6]" : undefined}
        />
      </dl>

      <FilterPanel summary="Filter the queue" path="/review" list={queue} choices={choices} />

      {queue.rows.length === 0 ? (
        <p className="govuk-body" data-testid="review-queue-empty">
          There are no decisions waiting for your review{filterQuery.size > 0 ? " that match these filters" : ""}.
        </p>
      ) : (
        <TableRegion label="Decisions waiting for review">
          <table className="govuk-table" data-testid="review-queue">
            <caption className="sr-only">
              Decisions waiting for review by case, the most urgent case first, each case newest first
            </caption>
            <TableHead columns={["Reference", "Practitioner", "Decision", "Flags", "Recorded", "Review by"]} />
            {queue.groups.map((group) => (
              <tbody key={group.caseReference} data-testid="case-group">
                <tr>
                  <th colSpan={6} scope="rowgroup" className="bg-govuk-light-grey">
                    <CaseLink reference={group.caseReference}>Case {group.caseReference}</CaseLink>
                    <span className="font-normal" data-testid="case-group-count">
                      {" "}
                      ({group.waitingInQueue} waiting
                      {group.waitingInQueue > group.rows.length ? ", some on other pages" : ""})
                    </span>
                  </th>
                </tr>
                {group.rows.map((row) => (
                  <tr key={row.decisionId} data-testid="queue-row">
                    <td>
                      <Link href={`/review/${row.reference}`}>{row.reference}</Link>
                    </td>
                    <td>{row.practitionerName}</td>
                    <td>{OUTCOME_LABELS[row.outcome]}</td>
                    <td>
                      <FlagsCell flagged={row.flags.length > 0} urgent={row.urgent} reasons={row.reasons} />
                    </td>
                    <td>{formatDateTime(row.recordedAt)}</td>
                    <td>
                      {row.overdue ? <Tag colour="red">Overdue</Tag> : null} {formatDate(row.reviewDueAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </TableRegion>
      )}
      <NextPageLink href={nextPageHref("/review", filterQuery, queue.nextCursor)} label="Queue pages">
        Next page of the queue
      </NextPageLink>
    </>
  );
}
