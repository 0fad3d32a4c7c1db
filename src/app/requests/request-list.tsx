import Link from "next/link";
import type { ReactNode } from "react";
import type { Priority, RequestStatus } from "@/domain/requests";
import { TableHead, TableRegion } from "@/components/layout-bits";
import { type SearchParams, queryValue } from "@/app/page-props";
import { statusLabel } from "./labels";
import { DueTime, PriorityTag } from "./request-sections";

export interface ListColumn<Row> {
  heading: string;
  cell: (row: Row) => ReactNode;
}

// The columns the lists share.
export const PRIORITY_COLUMN: ListColumn<{ priority: Priority }> = {
  heading: "Priority",
  cell: (r) => <PriorityTag priority={r.priority} />,
};
const DUE_COLUMN: ListColumn<{ dueAt: Date; overdue: boolean }> = {
  heading: "Due",
  cell: (r) => <DueTime dueAt={r.dueAt} overdue={r.overdue} />,
};
const STATUS_COLUMN: ListColumn<{ status: RequestStatus }> = {
  heading: "Status",
  cell: (r) => statusLabel(r.status),
};
/** Where a request stands, for both its parties' lists: how urgent, when it is due, how far it has got. */
export const PROGRESS_COLUMNS = [PRIORITY_COLUMN, DUE_COLUMN, STATUS_COLUMN] as const;

/** A table of requests (sent, received, escalated): one row each, the reference linking to its page. */
export function RequestTable<Row extends { reference: string }>({
  label,
  testId,
  columns,
  rows,
  hrefOf = (row) => `/requests/${row.reference}`,
  keyOf = (row) => row.reference,
}: {
  label: string;
  testId: string;
  columns: ListColumn<Row>[];
  rows: Row[];
  /** The row's page: the parties' page of the request unless told otherwise. */
  hrefOf?: (row: Row) => string;
  keyOf?: (row: Row) => string;
}) {
  return (
    <TableRegion label={label}>
      <table className="govuk-table" data-testid={testId}>
        <TableHead columns={["Reference", ...columns.map((c) => c.heading)]} />
        <tbody>
          {rows.map((row) => (
            <tr key={keyOf(row)}>
              <td>
                <Link href={hrefOf(row)}>{row.reference}</Link>
              </td>
              {columns.map((c) => (
                <td key={c.heading}>{c.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** How a paged list words its choice: "Showing requests waiting for an answer. Show all requests". */
export interface PagedListWording {
  path: string;
  noun: string;
  waiting: string;
}

/**
 * A paged list's choice between what is waiting (`?show=` absent) and everything (`?show=all`), and
 * its link to the next page (the keyset cursor from the use case); an empty page says so.
 */
export function PagedList({
  wording: { path, noun, waiting },
  query,
  page,
  children,
}: {
  wording: PagedListWording;
  query: SearchParams;
  page: { rows: unknown[]; next: string | null };
  children: ReactNode;
}) {
  const show = queryValue(query, "show") === "all" ? "all" : "open";
  const next = page.next
    ? new URLSearchParams({ ...(show === "all" ? { show } : {}), after: page.next }).toString()
    : null;
  return (
    <>
      <p className="govuk-body">
        {show === "open" ? (
          <>
            Showing {noun} {waiting}. <Link href={`${path}?show=all`}>Show all {noun}</Link>
          </>
        ) : (
          <>
            Showing all {noun}. <Link href={path}>Show only those {waiting}</Link>
          </>
        )}
      </p>
      {page.rows.length === 0 ? <p className="govuk-body">There are no {noun} here.</p> : children}
      {next ? (
        <nav className="govuk-body" aria-label="Pages">
          <Link href={`${path}?${next}`}>Next page</Link>
        </nav>
      ) : null}
    </>
  );
}
