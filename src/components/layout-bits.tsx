import Link from "next/link";
import type { ReactNode } from "react";

export function BackLink({ href, children = "Back" }: { href: string; children?: ReactNode }) {
  return (
    <Link href={href} className="no-print mt-4 mb-6 inline-block text-[1rem] text-govuk-text!">
      <span aria-hidden="true" className="mr-1">
        ‹
      </span>
      {children}
    </Link>
  );
}

export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-8 bg-govuk-success p-6 text-center text-white sm:p-9">
      <h1 className="mb-4 text-[2rem] font-bold leading-tight sm:text-[3rem]">{title}</h1>
      {children ? <div className="text-[1.5rem] sm:text-[2.25rem]">{children}</div> : null}
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="mb-6 flex items-start gap-4 font-bold">
      <span
        aria-hidden="true"
        className="flex size-9 shrink-0 items-center justify-center rounded-full bg-govuk-text text-[1.5rem] text-white"
      >
        !
      </span>
      <p className="pt-1">
        <span className="sr-only">Warning: </span>
        {children}
      </p>
    </div>
  );
}

export function NotificationBanner({
  title = "Important",
  kind = "info",
  children,
}: {
  title?: string;
  kind?: "info" | "success";
  children: ReactNode;
}) {
  const colour = kind === "success" ? "border-govuk-success bg-govuk-success" : "border-govuk-blue bg-govuk-blue";
  return (
    <div
      className={`mb-8 border-[5px] ${colour}`}
      role={kind === "success" ? "alert" : "region"}
      aria-labelledby="notification-banner-title"
    >
      <div className="px-4 pb-1 pt-0.5">
        <h2 id="notification-banner-title" className="m-0 text-[1rem] font-bold text-white">
          {title}
        </h2>
      </div>
      <div className="bg-white p-4">{children}</div>
    </div>
  );
}

/** GOV.UK's success banner for what the last action did; nothing when there is no message. */
export function SuccessBanner({ message, testId }: { message: ReactNode; testId?: string }) {
  if (!message) return null;
  return (
    <NotificationBanner kind="success" title="Success">
      <p className="font-bold" data-testid={testId}>
        {message}
      </p>
    </NotificationBanner>
  );
}

/**
 * One headline figure in a row of them (inside a `<dl>`): its name above, its value large; shaded
 * `alert` (a background class) when it needs attention, light grey otherwise.
 */
export function HeadlineFigure({
  label,
  value,
  testId,
  alert,
}: {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
  alert?: string;
}) {
  return (
    <div className={`p-4 ${alert ?? "bg-govuk-light-grey"}`}>
      <dt>{label}</dt>
      <dd className="text-[2.25rem] font-bold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export interface SummaryRow {
  key: ReactNode;
  value: ReactNode;
  action?: { href: string; label: string; visuallyHidden: string };
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="mb-8 sm:table sm:w-full sm:table-fixed">
      {rows.map((row, index) => (
        <div key={index} className="border-b border-govuk-border py-2.5 sm:table-row">
          <dt className="mb-1 font-bold sm:table-cell sm:w-1/3 sm:py-2.5 sm:pr-5">{row.key}</dt>
          <dd className="mb-1 whitespace-pre-wrap break-words sm:table-cell sm:py-2.5 sm:pr-5">{row.value}</dd>
          {row.action ? (
            <dd className="no-print sm:table-cell sm:w-1/5 sm:py-2.5 sm:text-right">
              <Link href={row.action.href}>
                {row.action.label}
                <span className="sr-only"> {row.action.visuallyHidden}</span>
              </Link>
            </dd>
          ) : (
            <dd className="hidden sm:table-cell" />
          )}
        </div>
      ))}
    </dl>
  );
}

/** GOV.UK summary card: a titled box around one summary list, such as one section of "check answers". */
export function SummaryCard({ title, rows, headingId }: { title: string; rows: SummaryRow[]; headingId: string }) {
  return (
    <section aria-labelledby={headingId} className="mb-8 border border-govuk-border" data-testid="summary-card">
      <h2
        id={headingId}
        className="m-0 border-b border-govuk-border bg-govuk-light-grey px-4 py-3 text-[1.1875rem] font-bold"
      >
        {title}
      </h2>
      <div className="px-4 [&>dl]:mb-0 [&>dl>div:last-child]:border-b-0">
        <SummaryList rows={rows} />
      </div>
    </section>
  );
}

export function Tag({
  children,
  colour = "blue",
}: {
  children: ReactNode;
  colour?: "blue" | "grey" | "green" | "red" | "yellow" | "orange";
}) {
  const colours = {
    blue: "bg-[#bbd4ea] text-[#0c2d4a]",
    grey: "bg-[#e5e6e7] text-[#0b0c0c]",
    green: "bg-[#cce2d8] text-[#005a30]",
    red: "bg-[#f4cdc6] text-[#2a0b06]",
    yellow: "bg-[#fff7bf] text-[#594d00]",
    orange: "bg-[#fcd6c3] text-[#6e3619]",
  };
  return (
    <strong className={`inline-block px-2 py-0.5 text-[1rem] font-normal leading-tight ${colours[colour]}`}>
      {children}
    </strong>
  );
}

export function PageHeading({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <>
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-l">{children}</h1>
    </>
  );
}

/** A table's column headings; `action` adds a last column for each row's link, named for screen readers only. */
export function TableHead({ columns, action = false }: { columns: ReactNode[]; action?: boolean }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th key={i} scope="col">
            {column}
          </th>
        ))}
        {action ? (
          <th scope="col">
            <span className="sr-only">Action</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}

/**
 * A wide table's own scrolling box, so that at 320 px the table scrolls sideways and the page does not
 * (WCAG 1.4.10 exempts data tables from reflow). The box takes keyboard focus, so it can be scrolled
 * without a mouse, and is a labelled region, so a screen reader says what the focus is on.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      // Relative, so that the visually hidden text in the table's cells (absolutely positioned) is clipped
      // by this box too, rather than stretching the page past the window.
      className="relative mb-8 max-w-full overflow-x-auto focus:outline-[3px] focus:outline-govuk-focus [&>table]:mb-0"
    >
      {children}
    </div>
  );
}

/**
 * A list's table (in its TableRegion, with a visually hidden caption and its column headings), a row of
 * it for each of `rows` as `children` renders it, or the `empty` sentence when there are none; with
 * `heading`, its `label` is also the list's heading above either. Tests find them as `<id>-table` and
 * `<id>-empty`.
 */
export function DataTable<Row>({
  id,
  label,
  heading = false,
  caption,
  columns,
  action,
  rows,
  empty,
  children: renderRow,
}: {
  id: string;
  label: string;
  heading?: boolean;
  caption: ReactNode;
  columns: ReactNode[];
  action?: boolean;
  rows: readonly Row[];
  empty: ReactNode;
  children: (row: Row) => ReactNode;
}) {
  return (
    <>
      {heading ? <h2 className="govuk-heading-m">{label}</h2> : null}
      {rows.length === 0 ? (
        <p className="govuk-body" data-testid={`${id}-empty`}>
          {empty}
        </p>
      ) : (
        <TableRegion label={label}>
          <table className="govuk-table" data-testid={`${id}-table`}>
            <caption className="sr-only">{caption}</caption>
            <TableHead columns={columns} action={action} />
            <tbody>{rows.map(renderRow)}</tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
